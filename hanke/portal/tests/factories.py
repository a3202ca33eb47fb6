import datetime

import factory
from factory.django import DjangoModelFactory

from hanke.portal.models import NewsItem


class NewsItemFactory(DjangoModelFactory):
    class Meta:
        model = NewsItem
        skip_postgeneration_save = True

    title_fi = factory.Sequence(lambda n: f"Uutinen {n}")
    excerpt_fi = "Uutisen alku."
    original_language = "fi"
    published_on = datetime.date(2024, 5, 1)
    publisher_name = "Lapin liitto"
    is_public = True
    order = factory.Sequence(lambda n: n)

    @factory.post_generation
    def projects(self, create, extracted, **kwargs):
        if create and extracted:
            self.projects.add(*extracted)
