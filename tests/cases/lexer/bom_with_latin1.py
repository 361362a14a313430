# coding: latin_1
# A byte-order mark contradicts any declaration but UTF-8.
print(1)
