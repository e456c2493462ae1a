from shapes import area, describe
area("square", 2)
describe(3)
