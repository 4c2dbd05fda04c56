"""The nbgrader bridge: exercises declared as data become an nbgrader course.

generate  exercise YAML -> source notebooks (solutions, hidden tests), config, release version
collect   stored answers -> each learner's submission, answers inserted as data
autograde nbgrader's own Autograde and GenerateFeedback apps, one learner at a time
results   the gradebook, read only, for feedback, certificates and the grades CSV

May import `kinds`, `live`, `content`, `text` and `config`; never the apps or the server.
"""
