# The name bound by "except ... as e" is deleted at the end of the handler.

e = "outer value"
try:
    1 / 0
except ZeroDivisionError as e:
    print("inside handler:", type(e).__name__, e)
try:
    print(e)
except NameError as err:
    print("after handler:", type(err).__name__, err)


def in_function():
    err = 42
    try:
        raise ValueError("boom")
    except ValueError as err:
        print("handler sees", repr(err))
    try:
        return err
    except UnboundLocalError as u:
        return "UnboundLocalError: " + str(u)


print(in_function())

# saving the exception to another name keeps it alive
saved = None
try:
    {}["key"]
except KeyError as exc:
    saved = exc
print("saved:", type(saved).__name__, repr(saved), saved.args)

# when no exception happens the name is never bound
def no_exception():
    try:
        value = 10
    except Exception as never:
        pass
    try:
        return never
    except UnboundLocalError as u:
        return "never bound: " + str(u)


print(no_exception())

# the handler name is deleted even when the handler itself re-binds it
try:
    raise IndexError("x")
except IndexError as e:
    e = "rebound"
    print("rebound to", e)
print("is e still defined?", "e" in globals())

# a loop: binding and deletion every iteration
count = 0
for d in [1, 0, 2, 0]:
    try:
        print(10 / d)
    except ZeroDivisionError as problem:
        count += 1
        print("problem", count, problem)
print("problem" in globals(), count)
