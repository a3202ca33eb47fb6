"""Demo data: the four source documents in shared/seeds, reproduced completely.

Every record names the seed file it came from (`source_document`). Where a source does not give
a fact, the record says so in `source_notes` instead of inventing it. Loading is idempotent:
records are matched on natural keys and only saved when something differs."""
