from django.apps import AppConfig


class DefusConfig(AppConfig):
    name = "defus"
    verbose_name = "Portal und Seiten"
