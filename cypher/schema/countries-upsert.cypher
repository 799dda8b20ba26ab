// Reference data: every ISO 3166-1 country, visible to everyone, created by the service only
// (no report states a country; reports link to them).
UNWIND $countries AS c
MERGE (n:Entity:Country {id: c.id})
SET n.code = c.code, n.name = c.name, n.alpha3 = c.alpha3, n.type = 'Country', n.sortKey = c.sortKey,
    n.searchText = c.searchText
