programs/richards.py 1
