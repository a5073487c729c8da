import pytest


@pytest.fixture(params=["anonymous", "member", "former_member", "staff"])
def everyone(request, client):
    """The `visitor` fixture, plus a user of a member that has left."""
    if request.param != "anonymous":
        client.force_login(request.getfixturevalue(f"{request.param}_user"))
    client.kind = request.param
    client.has_access = request.param in ("member", "staff")
    return client
