from django.http import HttpResponse


def home(request):
    return HttpResponse("")


project_list = project_detail = news_list = news_detail = home
