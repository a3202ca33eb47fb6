import factory
from factory.django import DjangoModelFactory

from hanke.accounts.models import Membership, Organisation, User


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.fi")
    password = factory.django.Password("salasana-123")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        """`UserFactory(roles=["applicant"])` puts the user in those role groups."""
        if not create or not extracted:
            return
        from django.contrib.auth.models import Group

        self.groups.add(*Group.objects.filter(name__in=extracted))


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation

    name_fi = factory.Sequence(lambda n: f"Organisaatio {n} ry")
    org_type = Organisation.Type.ASSOCIATION
    business_id = ""


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(OrganisationFactory)
