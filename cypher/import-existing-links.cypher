UNWIND $rows AS row
MATCH (:Entity {id: row.from})-[r {id: row.id}]->(:Entity {id: row.to})
RETURN r.id AS id, properties(r) AS props
