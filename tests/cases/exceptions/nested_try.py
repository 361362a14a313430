# Nested try statements and exceptions that propagate through several levels.

def level(depth, fail_at):
    try:
        if depth == fail_at:
            raise ValueError("failed at depth %d" % depth)
        if depth < 4:
            return level(depth + 1, fail_at) + 1
        return 0
    except KeyError:
        print("never matching KeyError handler")
        return -1
    finally:
        print("  unwinding depth", depth)


for fail_at in [99, 2, 0]:
    try:
        print("result", level(0, fail_at))
    except ValueError as e:
        print("caught:", e)

# the inner handler converts, the outer handles
def convert(s):
    try:
        try:
            return float(s)
        except ValueError:
            print("  inner: not a float:", repr(s))
            return complex(s)
    except ValueError as e:
        print("  outer:", e)
        return None


for s in ["1.5", "-inf", "nan", "2j", "1+2j", "oops", "1e400"]:
    print(repr(s), "->", convert(s))

# exception inside an except handler of a nested try
try:
    try:
        raise KeyError("a")
    except KeyError:
        try:
            raise IndexError("b")
        except IndexError as inner:
            print("inner handled", repr(inner), "context", repr(inner.__context__))
        print("back in the KeyError handler")
except Exception:
    print("not reached")

# an exception in the else clause of the inner try goes to the outer handler
try:
    try:
        pass
    except Exception:
        print("no")
    else:
        raise ArithmeticError("from inner else")
    finally:
        print("inner finally runs first")
except ArithmeticError as e:
    print("outer handler:", e)

# deep nesting inside loops with mixed outcomes
grid = [[1, 2, 0], [3, 0, 4], [], [5]]
for r, row in enumerate(grid):
    try:
        first = row[0]
        for c, v in enumerate(row):
            try:
                print(r, c, first // v)
            except ZeroDivisionError:
                print(r, c, "div by zero")
                continue
    except IndexError as e:
        print(r, "empty row:", e)
