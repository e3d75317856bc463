"""Batch translation of an archive: many articles in, one JSON line per article out, in input order.

- `inputs`: the articles of a JSON Lines file or a folder, each with its place in the input.
- `output`: the output file, which is also the checkpoint (an article is done when its line is
  complete there); lines are appended atomically, a half-written last line is cut off.
- `cache`: the per-batch sentence cache in front of the engine (a repeated sentence is
  translated once).
- `build`: the desk's pipeline with that cache in front of its engine.
- `article`: one article through the pipeline into its output line (or an error line).
- `local`: the batch in this process; `fanout` (the coordinator), `tasks` (the `batch_article`
  task), `board` (what they share in the queue's storage) and `workers` (local worker processes):
  the batch over the desk's job queue, with `transdesk worker` on other machines joining in.
- `stats`: the counts and the summary table.
"""
