# sys.version_info and friends are struct sequences; exit and quit are site's Quitter objects.
import sys

v = sys.version_info
print(v, v.major, v.minor, v.micro, v.releaselevel, v.serial)
print(v[:2], v >= (3, 8), v < (3, 12), v == (3, 11, 7, "final", 0), len(v), type(v).__name__, isinstance(v, tuple))
print(hash(v) == hash(tuple(v)), list(v), v[-1], "%d.%d" % v[:2], "{}.{}".format(*v))
a, b, *rest = v
print(a, b, rest)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig)
print(sys.float_info)
print(sys.int_info)
try:
    v.foo
except AttributeError as e:
    print(e)
print(repr(exit), str(quit))
for f, args in [(exit, ()), (quit, ("bye",)), (exit, (3,)), (exit, (None,)), (exit, (1, 2))]:
    try:
        f(*args)
    except SystemExit as e:
        print("SystemExit", repr(e), e.code, e.args)
    except TypeError as e:
        print("TypeError", e)
e = ImportError("m", name="n", path="p")
print(e.name, e.path, e.msg, e.args, ImportError().name, ImportError("a", "b").msg, ModuleNotFoundError("x").name)
try:
    ImportError(foo=1)
except TypeError as e:
    print(e)
exit(4)
