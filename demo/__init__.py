"""The demo park: a believable, deterministic workspace to try Leasemap on.

:func:`build_demo` plans the park (:mod:`demo.plan`, from the profiles
and word lists in :mod:`demo.profiles`) and writes it in one workspace
transaction (:mod:`demo.build`).
"""

from demo.build import DemoSummary, build_demo

__all__ = ["DemoSummary", "build_demo"]
