# while loops: else clause, break, continue, nested, counters with big ints.

i = 0
while i < 5:
    print("i =", i)
    i += 1
else:
    print("while finished normally, i =", i)

# break skips the else
n = 0
while True:
    n += 1
    if n * n > 50:
        break
print("first n with n*n > 50:", n)

n = 10
while n > 0:
    if n == 4:
        print("breaking at", n)
        break
    n -= 3
else:
    print("no break (should not print)")

n = 10
while n > 0:
    if n == 5:
        print("found 5")
        break
    n -= 3
else:
    print("else ran, n =", n)

# continue
i = 0
odds = []
while i < 12:
    i += 1
    if i % 2 == 0:
        continue
    odds.append(i)
print("odds:", odds)

# loop that never runs still executes else
while False:
    print("never")
else:
    print("else of an empty while")

# Collatz steps with while
def collatz_steps(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps

for start in [1, 2, 3, 6, 7, 27, 97]:
    print("collatz", start, collatz_steps(start))

# nested while with break from inner only
row = 0
while row < 4:
    col = 0
    line = []
    while True:
        if col > row:
            break
        line.append(row * col)
        col += 1
    print(row, line)
    row += 1

# big integers in a while loop
x = 1
count = 0
while x < 10**40:
    x *= 7
    count += 1
print("powers of 7 below 10**40:", count, x)

# while with a list as condition
stack = [1, 2, 3, "a", None]
while stack:
    print("pop", repr(stack.pop()))
print("stack empty:", stack)

# gcd loop with negative numbers
a, b = -48, 18
while b:
    a, b = b, a % b
print("gcd-ish result", a)
