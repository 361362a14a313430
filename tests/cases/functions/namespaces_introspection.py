# locals(), globals(), vars() and dir() at module level, in functions, in class bodies and in
# comprehensions; and the book's `if 'profile' not in dir():` idiom.
x = 1
print(sorted(locals()))
print(sorted(globals()) == sorted(locals()), locals() is globals(), vars() is globals())
print("profile" in dir(), "x" in dir())
if "profile" not in dir():
    def profile(func):
        return func
print("profile" in dir(), profile(len) is len)


def f(a, b=2):
    c = a + b
    print(sorted(locals().items()), sorted(dir()), sorted(vars()))
    return [sorted(locals()) for _ in range(1)]


print(f(1))


class C:
    z = 3
    print(sorted(locals()), sorted(dir()))

    def m(self):
        return sorted(locals())


print(C().m(), sorted(k for k in vars(C) if not k.startswith("__")))
print([sorted(locals()) for i in range(2)])
