# Every combination of try / except / else / finally, with and without an exception.

def attempt(label, value, divisor):
    print("--", label)
    try:
        result = value // divisor
        print("  computed", result)
    except ZeroDivisionError as e:
        print("  except:", type(e).__name__, e)
    else:
        print("  else: no exception, result =", result)
    finally:
        print("  finally for", value, divisor)


attempt("normal", 17, 5)
attempt("negative", -17, 5)
attempt("zero divisor", 17, 0)
attempt("big int", 10 ** 30, 7)


def only_finally(flag):
    out = []
    try:
        out.append("body")
        if flag:
            out.append("raising")
            raise ValueError("flagged")
        out.append("body end")
    finally:
        out.append("finally")
        print("  only_finally trace:", out)
    return out


print(only_finally(False))
try:
    only_finally(True)
except ValueError as e:
    print("caught outside:", repr(e))


def except_else(items, index):
    try:
        item = items[index]
    except IndexError:
        print("  no item at", index, "in", items)
        return None
    else:
        print("  item at", index, "is", repr(item))
        return item


print(except_else([], 0))
print(except_else(["a", "b"], -1))
print(except_else(["a", "b"], 2))
print(except_else("héllo", 1))

# try/except with several handlers, the first matching one wins
for value in ["12", "x", None, "3.5", [1]]:
    try:
        n = int(value)
    except ValueError as e:
        print("ValueError:", e)
    except TypeError as e:
        print("TypeError:", e)
    else:
        print("parsed", n)
    finally:
        print("done with", repr(value))

# the else clause is not protected by the handlers
try:
    try:
        x = 1
    except ZeroDivisionError:
        print("not reached")
    else:
        print("in else, about to divide by zero")
        x = 1 / 0
except ZeroDivisionError as e:
    print("outer caught from else:", e)

# exception raised inside finally replaces the original
try:
    try:
        raise KeyError("first")
    finally:
        print("finally raising a new error")
        raise IndexError("second")
except LookupError as e:
    print("got", type(e).__name__, e, "context:", repr(e.__context__))
