"""A front-end widget whose state belongs to the kernel: the page may change only what it names.

Any script in the learner's own page can send a state update to any widget the kernel made,
shown or hidden: unlock a disabled question, rename a button, start a clock. ipywidgets applies
such updates as they come. Our widgets talk to the kernel with custom messages (which their
handlers check), so by default they take no state from the page at all.
"""

from __future__ import annotations

from typing import Any, ClassVar

import anywidget
import traitlets

from coproduce.kinds.common.light_widgets import SharedLayout


class KernelWidget(anywidget.AnyWidget, SharedLayout):
    """Subclasses name in `page_may_set` the traits their front end sends with save_changes()."""

    page_may_set: ClassVar[frozenset[str]] = frozenset()
    # anywidget gives each instance its front end's code as traits of a new class made for it
    # (about a third of a millisecond, and memory of its own, for every widget a part builds);
    # every instance of one class gets the same code, so they share the class made first.
    _with_front_end: ClassVar[dict[type, type]] = {}

    def add_traits(self, **traits: traitlets.TraitType[Any, Any]) -> None:
        made = KernelWidget._with_front_end.get(type(self))
        if made is None:
            plain = type(self)
            super().add_traits(**traits)
            KernelWidget._with_front_end[plain] = type(self)
        else:
            self.__class__ = made
            for name in traits:
                getattr(made, name).instance_init(self)

    def set_state(self, sync_data: dict[str, Any]) -> None:
        wanted = {name: value for name, value in sync_data.items() if name in self.page_may_set}
        if wanted:
            super().set_state(wanted)
