import pytest

from tests.conftest import client_as


@pytest.fixture(
    params=["anonymous", "member", "former_member", "staff", "staff_without_second_factor"]
)
def everyone(request, client):
    """The `visitor` fixture, plus a user of a member that has left."""
    return client_as(request, client, request.param)
