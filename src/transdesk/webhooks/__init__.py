"""Signed webhooks: the desk tells newsroom tools when an article is published or corrected and
when a reader reports a sentence.

An admin subscribes an endpoint (`subscriptions`); a change emits its event into the outbox in the
change's own transaction (`events`); the desk's job queue sends each message, signed in the
Standard Webhooks scheme (`signing`, `sender`), retrying with backoff and logging every try
(`outbox`, `delivery`).
"""
