# for loops with else, break and continue, search patterns, nested loops with flags.

def find_first_divisor(n):
    for d in range(2, n):
        if n % d == 0:
            print(n, "has divisor", d)
            break
    else:
        print(n, "is prime")

for n in [2, 3, 4, 9, 17, 25, 29, 91, 97]:
    find_first_divisor(n)

# continue skips the rest of the body
total = 0
for k in range(-5, 6):
    if k < 0:
        continue
    if k == 4:
        continue
    total += k
print("sum of 0..5 without 4:", total)

# else runs after an empty loop
for item in []:
    print("never")
else:
    print("empty for: else ran")

# else runs after continue on the last item
for item in [1, 2, 3]:
    if item == 3:
        continue
else:
    print("else after continue on last item")

# nested loops: break only exits the inner loop
pairs = []
for i in range(4):
    for j in range(4):
        if j > i:
            break
        pairs.append((i, j))
print(pairs)

# breaking out of nested loops with for/else
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
target = 6
for r, row in enumerate(matrix):
    for c, value in enumerate(row):
        if value == target:
            break
    else:
        continue
    print("found", target, "at", (r, c))
    break
else:
    print("not found")

target = 10
for r, row in enumerate(matrix):
    for c, value in enumerate(row):
        if value == target:
            break
    else:
        continue
    print("found", target, "at", (r, c))
    break
else:
    print(target, "not found")

# loop variable keeps its last value after the loop
for last in range(3):
    pass
print("last =", last)
for last in "xyz":
    if last == "y":
        break
print("last after break =", last)

# modifying the list being built in another loop
squares = []
for n in range(1, 8):
    if n % 3 == 0:
        continue
    squares.append(n * n)
else:
    squares.append(-1)
print(squares)

# primes by trial division, nested for/else
primes = []
for n in range(2, 60):
    for p in primes:
        if p * p > n:
            primes.append(n)
            break
        if n % p == 0:
            break
    else:
        primes.append(n)
print(primes)
