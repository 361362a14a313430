# A block header without an indented body.
values = [3, 1, 2]
for v in values:
print(v)
