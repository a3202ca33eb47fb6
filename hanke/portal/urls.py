from django.urls import path

from . import export_views, feeds, views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("projects/", views.project_list, name="project_list"),
    path("projects/export.csv", export_views.project_export_csv, name="project_export_csv"),
    path("projects/export.xlsx", export_views.project_export_xlsx, name="project_export_xlsx"),
    path("projects/<int:pk>/", views.project_detail, name="project_detail"),
    path("news/", views.news_list, name="news_list"),
    path("news/<int:pk>/", views.news_detail, name="news_detail"),
    path("news/feed/atom/", feeds.news_atom, name="news_feed_atom"),
    path("news/feed/rss/", feeds.news_rss, name="news_feed_rss"),
    path("projects/<int:pk>/news/atom/", feeds.project_news_atom, name="project_news_feed_atom"),
    path("projects/<int:pk>/news/rss/", feeds.project_news_rss, name="project_news_feed_rss"),
    path("calls/", views.call_list, name="call_list"),
    path("calls/<int:pk>/", views.call_detail, name="call_detail"),
]
