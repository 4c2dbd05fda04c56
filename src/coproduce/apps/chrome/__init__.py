"""The learner app's own controls around the exercises: join form, agenda, connection, identity."""
