# Conditional expressions: laziness, nesting, and interaction with other operators.

def sign(n):
    return "negative" if n < 0 else "zero" if n == 0 else "positive"

print([sign(n) for n in (-5, 0, 5, -0.0, 1e-300, -(10 ** 30))])

calls = []
def f(tag, value):
    calls.append(tag)
    return value

r = f("then", 1) if f("cond", True) else f("else", 2)
print(r, calls); calls.clear()
r = f("then", 1) if f("cond", 0) else f("else", 2)
print(r, calls); calls.clear()

x = 7
print("odd" if x % 2 else "even", x if x > 5 else -x, (x if x < 5 else 0) + 1)
print(1 + 2 if False else 3 + 4, 1 + (2 if False else 3) + 4)
print([i if i % 3 else "fizz" for i in range(1, 8)])
print(10 / x if x else float("inf"), 10 / 0 if False else "guarded")
y = None
print(y.upper() if y is not None else "no value", len(y) if y else 0)
print((lambda v: "big" if v > 100 else "small")(101), (lambda v: v if v else "empty")(""))

# nested on both sides
def classify(a, b):
    return ("both" if b else "a only") if a else ("b only" if b else "neither")
print([classify(a, b) for a in (0, 1) for b in (0, 1)])

# precedence: lowest besides lambda; binds looser than or/and
print(True or False if False else "else part")
print(0 or 1 if 0 else 2)
print(not True if True else False)
z = 5 if True else 6, 7
print(z)
print([1, 2] if [] else [3])
print("yes" if "" == "" else "no", "yes" if [] else "no", "yes" if [0] else "no")

# conditional expressions in arguments and subscripts
items = [10, 20, 30]
i = 5
print(items[i if i < len(items) else -1], max(items) if items else None)
print(sum(v if v > 15 else 0 for v in items), sorted(items, reverse=True if i else False))

# value types
for v in [0, 1, 2.5, "", "s", [], None]:
    print(repr(v), type(v).__name__ if v else "falsy " + type(v).__name__)

# deep chain
def grade(score):
    return ("A" if score >= 90 else
            "B" if score >= 80 else
            "C" if score >= 70 else
            "D" if score >= 60 else
            "F")
print([grade(s) for s in (95, 90, 85, 79, 60, 59, 0, 100)])
