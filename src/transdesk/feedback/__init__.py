"""Feedback: readers' reports, editors' decisions on them, and corrections with what they teach.

A correction is recorded once, in one transaction (`transdesk.feedback.correction`): the live
sentence, the note readers see, the audit entry, the memory, the termbase proposal and the
regression case are kept together or not at all.
"""
