"""The link stage: the same real-world event across mentions, and stories across articles.

    link_events(store, article_ids)   mentions -> events (see ``sitrep.link.events``)
    assign_stories(store, article_ids) articles -> stories (see ``sitrep.link.stories``)
"""

from sitrep.link.events import LinkReport, link_events
from sitrep.link.stories import StoryReport, assign_stories

__all__ = ["LinkReport", "StoryReport", "assign_stories", "link_events"]
