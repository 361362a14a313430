# A character that cannot appear in an identifier.
price€ = 10
print(price€)
