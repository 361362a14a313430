# Implicit line joining inside (), [], {} and explicit backslash continuation.

total = (1 +
         2 +
             3   # indentation of continuation lines does not matter
  + 4)
print(total)

items = [
    "alpha",   # comment inside a list
    "beta",
    # a full-line comment inside brackets
    "gamma",
]
print(items)

table = {
    "one": 1,
    "two":
        2,
    "three": (3,
              33),
}
print(table)

def f(a,
      b,
          c=3,
      ):
    return a * 100 + b * 10 + c

print(f(1,
        2))
print(f(
    4, 5,
    6
))

# backslash continuation
x = 1 + \
    2 + \
    3
print(x)

if x > 5 and \
   x < 10:
    print("between")

y = \
7
print(y)

s = "abc" \
    "def"
print(s)

# backslash continuation inside brackets is also allowed
z = [1, 2, \
     3]
print(z)

# continuation inside a nested expression
value = ((1 + 2)
         * (3
            + 4))
print(value)

# long condition split over lines
a, b, c = 1, 2, 3
if (a < b
        and b < c
        or False):
    print("ordered")

# continuation lines in a for header and in a call
for i in (0,
          1,
          2):
    print(i, end=" ")
print()

print("a",
      "b",
      sep="-",
      end="!\n")

# backslash right before a comment-free blank continuation
w = 10 \
    // 3
print(w)

# tuple across lines without trailing comma
t = (
    1,
    2
)
print(t, len(t))

# nested brackets spanning many lines
m = [[1, 2,
      3], [4,
           5, 6]]
print(m)
print(sum([
    sum(row) for row in m
]))
