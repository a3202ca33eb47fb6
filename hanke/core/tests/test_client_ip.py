from django.test import RequestFactory, override_settings

from hanke.core.http import client_ip

rf = RequestFactory()


def request(forwarded=None):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return rf.get("/", REMOTE_ADDR="10.0.0.5", **extra)


@override_settings(TRUSTED_PROXY_COUNT=0)
def test_without_proxies_the_socket_address_counts():
    assert client_ip(request("203.0.113.7")) == "10.0.0.5"


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_one_proxy_the_address_it_appended_counts():
    assert client_ip(request("203.0.113.7")) == "203.0.113.7"


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_a_forged_header_cannot_choose_the_address():
    assert client_ip(request("198.51.100.1, 203.0.113.7")) == "203.0.113.7"


@override_settings(TRUSTED_PROXY_COUNT=2)
def test_two_proxies_and_a_missing_header_fall_back_safely():
    assert client_ip(request("203.0.113.7, 192.0.2.9")) == "203.0.113.7"
    assert client_ip(request()) == "10.0.0.5"
