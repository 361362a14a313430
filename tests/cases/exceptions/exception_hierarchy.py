# isinstance and issubclass across the builtin exception hierarchy.

classes = [
    BaseException, Exception, ArithmeticError, LookupError,
    ZeroDivisionError, OverflowError, FloatingPointError,
    IndexError, KeyError, ValueError, TypeError, NameError,
    UnboundLocalError, AttributeError, AssertionError, RuntimeError,
    RecursionError, NotImplementedError, StopIteration,
    KeyboardInterrupt, SystemExit, UnicodeError,
]
bases = [BaseException, Exception, ArithmeticError, LookupError, RuntimeError, NameError, ValueError]

print("%-20s" % "", " ".join("%-3s" % b.__name__[:3] for b in bases))
for cls in classes:
    marks = ["yes" if issubclass(cls, b) else " . " for b in bases]
    print("%-20s" % cls.__name__, " ".join(marks))

# isinstance on instances raised by real operations
def catch(fn):
    try:
        fn()
    except BaseException as e:
        return e


errors = {
    "zero": catch(lambda: 3 // 0),
    "overflow": catch(lambda: 2.0 ** 5000),
    "index": catch(lambda: "x"[9]),
    "key": catch(lambda: {}[0]),
    "value": catch(lambda: int("?")),
    "type": catch(lambda: [] + 1),
    "name": catch(lambda: undefined_name),
}


def exec_assert():
    assert False


errors["assert"] = catch(exec_assert)

for label, e in errors.items():
    print(label, type(e).__name__,
          isinstance(e, Exception),
          isinstance(e, ArithmeticError),
          isinstance(e, LookupError),
          isinstance(e, (ValueError, TypeError)),
          isinstance(e, BaseException))

# handler order: a general handler before a specific one wins
try:
    [][0]
except LookupError:
    print("LookupError handler caught IndexError first")
except IndexError:
    print("not reached")

# except Exception does not catch SystemExit or KeyboardInterrupt
for exc in [SystemExit(0), KeyboardInterrupt(), ValueError("v")]:
    try:
        try:
            raise exc
        except Exception:
            print("Exception caught", type(exc).__name__)
    except BaseException:
        print("only BaseException caught", type(exc).__name__)

# type() of exceptions and their bases
print(type(errors["zero"]).__name__, ZeroDivisionError.__bases__, KeyError.__bases__)
print(RecursionError.__bases__, UnboundLocalError.__bases__, BaseException.__bases__)
print(ArithmeticError.__mro__)
