"""The LMS administrators' page of the trainer edition: what the LMS files are, how to
import them and what an LMS records."""

from __future__ import annotations

from ..curriculum import Curriculum
from ..export.lms.banks import pass_mark, question_banks
from ..export.lms.files import LMS_FOLDER
from ..export.lms.scorm import package_name
from ..scoring import counted_quizzes
from .engine import Context, render


def render_lms_page(cur: Curriculum, ctx: Context) -> str:
    """Downloads for an LMS (question banks, SCORM packages) and how to use them."""
    banks = question_banks(cur)
    modules = [
        {
            "module": m,
            "zip": f"{LMS_FOLDER}/{package_name(mid)}",
            "counted": [cur.quizzes[q].title for q in counted_quizzes(m) if q in cur.quizzes],
        }
        for mid, m in cur.modules.items()
    ]
    pools = [q for q in cur.quizzes.values() if q.draw == "per-objective"]
    return render(
        "lms.md",
        ctx,
        folder=LMS_FOLDER,
        course=[b for b in banks if "/" not in b.path],
        module_banks=[b for b in banks if b.path.startswith("modules/")],
        quiz_banks=[b for b in banks if b.path.startswith("quizzes/")],
        modules=modules,
        pools=pools,
        pass_mark=pass_mark(cur),
    )
