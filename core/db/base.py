"""Django's PostgreSQL backend with one difference: the system checks never need the server.

Django 6.1 runs the model checks against every database, and the check of a ``GeneratedField``
(the stored search words) asks the server whether it is PostgreSQL 18, the version that brought
virtual generated columns. Without a server every management command then dies in its checks:
the task worker during an outage (it must wait for the database instead), ``collectstatic`` while
an image is built, ``check --deploy``. Our generated columns are stored, which every supported
PostgreSQL has; while the server cannot be asked, virtual ones count as unsupported.
"""

from django.db import OperationalError
from django.db.backends.postgresql import base, features


class DatabaseFeatures(features.DatabaseFeatures):
    @property
    def supports_virtual_generated_columns(self):
        try:
            return self.is_postgresql_18
        except OperationalError:
            return False


class DatabaseWrapper(base.DatabaseWrapper):
    features_class = DatabaseFeatures
