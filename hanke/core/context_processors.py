from django.conf import settings


def site(request):
    return {"SITE_NAME": "Hanke", "LANGUAGE_CODES": [code for code, _n in settings.LANGUAGES]}
