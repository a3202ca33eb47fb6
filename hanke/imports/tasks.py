"""The background work of document imports (django-tasks): the database backend in production,
run by `manage.py db_worker`; the immediate backend runs it inside the request (tests, `make run`)."""

from django_tasks import task


@task()
def process_batch(batch_id: int) -> dict:
    from .models import ImportBatch
    from .services import batch_process

    batch = batch_process(ImportBatch.objects.get(pk=batch_id))
    return {"processed": batch.processed, "total": batch.total}
