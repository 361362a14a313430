# and / or return one of their operands; not always returns a bool; short-circuiting.

print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "default", "" or [], [] and 1, "x" and "y")
print(0 or 0.0, 0.0 or 0, 0j or None, None and 1, False or True, True and False)
print([] or {} or () or "last", [1] and [2] and [3], 1 and 0 and 2, 0 or "" or None)
print(not 0, not 1, not "", not "a", not [], not [0], not None, not 0.0, not -0.0, not 0j, not 1j)
print(not not 5, type(not 5).__name__, not (1 and 0), (not 1) and 0)
print(1 or 1 / 0, 0 and 1 / 0, None and None.attr if False else "ok")

log = []
def t(name, value):
    log.append(name)
    return value

print(t("a", 0) and t("b", 1), log); log.clear()
print(t("a", 1) and t("b", 0), log); log.clear()
print(t("a", 1) or t("b", 0), log); log.clear()
print(t("a", 0) or t("b", 0) or t("c", "c"), log); log.clear()
print(t("a", 1) and t("b", 2) or t("c", 3), log); log.clear()
print(t("a", 0) and t("b", 2) or t("c", 3), log); log.clear()
print(t("a", 1) or t("b", 2) and t("c", 3), log); log.clear()
print(not t("a", 0) and t("b", "yes"), log); log.clear()

# precedence: not > and > or
print(True or False and False, (True or False) and False, not True or True, not (True or True))
print(1 or 0 and 0, (1 or 0) and 0, 0 and 1 or 1, 0 and (1 or 1))

# in conditions
for value in [0, 1, -1, "", "s", [], [0], None, 0.0, float("nan")]:
    if value and value == value:
        kind = "truthy and equal to itself"
    elif value or False:
        kind = "truthy"
    elif not value:
        kind = "falsy"
    print(repr(value), kind)

# and/or with comparisons
x = 5
print(x > 0 and x < 10, x < 0 or x > 3, x > 0 and "positive" or "non-positive")
y = 0
print(y > 0 and "positive" or "non-positive", y and 10 / y or "div skipped")

# common idioms
name = ""
print(name or "anonymous")
items = None
print(len(items or []))
d = {"a": 1}
print(d.get("b") or d.get("a") or 0)
flags = [True, True, False]
print(all(flags), any(flags), all([]), any([]), all(x > 0 for x in [1, 2]), any(x > 5 for x in [1, 2]))

# truth values of containers and numbers with and/or chains
vals = [0, 1, [], [1], "", "0", 0.0, 0.1, None, (), (0,), {}, {0: 0}, range(0), range(2)]
print([bool(v) for v in vals])
print([v or "F" for v in vals])
print([v and "T" for v in vals])
