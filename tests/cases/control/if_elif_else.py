# if / elif / else chains, truthiness of many values, nested conditions.

def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    elif n < 1000:
        return "medium"
    else:
        return "large"


for n in [-5, 0, 3, 9, 10, 999, 1000, 10**30, -10**30]:
    print(n, classify(n))

# truthiness of values
values = [0, 1, -1, 0.0, -0.0, 0.5, float("nan"), 0j, 1j, "", "a", " ", [], [0],
          (), (None,), {}, {0: 0}, None, True, False, range(0), range(1)]
for v in values:
    if v:
        print(repr(v), "is truthy")
    else:
        print(repr(v), "is falsy")

# nested ifs and else binding
def grade(score, bonus):
    if score >= 50:
        if bonus:
            result = "pass+"
        else:
            result = "pass"
    else:
        if score + (10 if bonus else 0) >= 50:
            result = "pass via bonus"
        else:
            result = "fail"
    return result

for s in (49, 50, 40, 39, 100):
    for b in (False, True):
        print(s, b, grade(s, b))

# conditions using and/or/not and chained comparisons
x = 7
if 0 < x < 10 and not x % 2 == 0:
    print("x is an odd digit")
if x > 100 or x < 0:
    print("out of range")
else:
    print("in range")
if not []:
    print("empty list is falsy")
if 1 <= x <= 7 <= 7 < 8:
    print("chained ok")

# single-line forms
if x: print("one-liner if")
if not x: print("never")
else: print("one-liner else")

# if with only pass
if x == 7:
    pass
print("after pass")

# elif chain where several would match: first wins
y = 15
if y % 3 == 0:
    print("fizz first")
elif y % 5 == 0:
    print("buzz first")
elif y % 15 == 0:
    print("never reached")
