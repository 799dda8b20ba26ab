// Reference data: every ISO 3166-1 country, visible to everyone (no sources needed).
UNWIND $countries AS c
MERGE (n:Entity:Country {id: c.id})
SET n.code = c.code, n.name = c.name, n.alpha3 = c.alpha3, n.type = 'Country', n.label = c.name,
    n.sortName = c.sortName, n.sources = [], n.grades = []
