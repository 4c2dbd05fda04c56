from tests.test_grading_end_to_end import graded  # noqa
from coproduce.grading import nbgrader_apps
from coproduce.grading.paths import grading_root
def test_dbg(graded):
    api = nbgrader_apps.open_api(grading_root(graded.course), 10)
    r = nbgrader_apps.autograde(api, graded.code, graded.learners["all"], force=True)
    print(r.log)
