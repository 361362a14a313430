# Nested loops: multiplication table, pattern printing, matrix product, triangle numbers.

# multiplication table with aligned columns
for i in range(1, 6):
    row = ""
    for j in range(1, 6):
        row += str(i * j).rjust(4)
    print(row)

# triangle pattern
for i in range(1, 5):
    print(" " * (4 - i) + "*" * (2 * i - 1))

# matrix multiplication with nested loops
a = [[1, 2], [3, 4], [5, 6]]
b = [[7, 8, 9], [10, 11, 12]]
product = []
for i in range(len(a)):
    row = []
    for j in range(len(b[0])):
        s = 0
        for k in range(len(b)):
            s += a[i][k] * b[k][j]
        row.append(s)
    product.append(row)
for row in product:
    print(row)

# Pythagorean triples with three nested loops and continue
triples = []
for c in range(1, 30):
    for b2 in range(1, c):
        for a2 in range(1, b2):
            if a2 * a2 + b2 * b2 != c * c:
                continue
            triples.append((a2, b2, c))
print(triples)

# Pascal's triangle
rows = [[1]]
for n in range(1, 10):
    prev = rows[-1]
    new = [1]
    for k in range(1, n):
        new.append(prev[k - 1] + prev[k])
    new.append(1)
    rows.append(new)
for r in rows:
    print(" ".join(str(v) for v in r).center(40).rstrip())

# loop over a string inside a loop over a list
words = ["banana", "kiwi", "apple", ""]
for w in words:
    vowels = 0
    for ch in w:
        if ch in "aeiou":
            vowels += 1
    print(repr(w), "vowels:", vowels)

# nested loops with while inside for
for base in [2, 3, 10]:
    n = 1000
    digits = []
    while n > 0:
        digits.append(n % base)
        n //= base
    digits.reverse()
    print(base, digits)

# counting with a dict in nested loops
counts = {}
for word in ["the", "cat", "the", "hat", "a", "cat"]:
    for ch in word:
        counts[ch] = counts.get(ch, 0) + 1
print(counts)

# transpose
m = [[1, 2, 3, 4], [5, 6, 7, 8]]
t = []
for j in range(4):
    col = []
    for i in range(2):
        col.append(m[i][j])
    t.append(col)
print(t)
