# A number immediately followed by letters.
count = 3
total = 12abc + count
print(total)
