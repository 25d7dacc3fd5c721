"""Evaluation: sitrep's output scored against gold data, outside the stages it scores.

    score_events   coded events against hand-coded gold events (the seeds' and dev-gold's
                   format), by the rule of ``shared/eval/events/score_events.py``
    plover         event type and actor country accuracy on PLOVER gold sentences
"""
