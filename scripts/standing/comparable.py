"""Which published figures are compared with a target: the one rule the pages (and any table derived
from progress) follow; schemas/progress.schema.yaml says it in words under figure_type and scope.

A figure is compared with its target only when it counts what the target counts (scope same) and is
of the kind the target counts (COMPARABLE): a level with a level, coverage or amount target; a number
added in a period with an increment or annual target. Every other figure is context (another scope, or
an addition in a year beside a level target): shown with what it is, never compared.
"""

COMPARABLE = {"level": {"level", "coverage", "amount"}, "new_in_period": {"increment", "annual"}}


def comparable(observation: dict, target: dict) -> bool:
    return observation["scope"] == "same" and target["target_type"] in COMPARABLE.get(observation["figure_type"], set())
