"""A SQLite database with the schemas' types, primary and foreign keys; opens as is in Datasette or DuckDB.

integer -> INTEGER, number -> REAL, date -> TEXT (ISO 8601, as SQLite's date functions expect),
string -> TEXT; an empty cell is NULL. Rows go in file order and nothing records a time, so the
same data gives the same bytes.
"""
import sqlite3
from pathlib import Path

from scripts.archive.typed import typed_rows
from scripts.package import DataPackage

COLUMN_TYPES = {"string": "TEXT", "integer": "INTEGER", "number": "REAL", "date": "TEXT"}


def quoted(names: list[str]) -> str:
    return ", ".join(f'"{name}"' for name in names)


def column_sql(field: dict) -> str:
    constraints = field.get("constraints", {})
    not_null = " NOT NULL" if constraints.get("required") else ""
    unique = " UNIQUE" if constraints.get("unique") else ""
    return f'"{field["name"]}" {COLUMN_TYPES[field.get("type", "string")]}{not_null}{unique}'


def create_table_sql(name: str, schema: dict) -> str:
    lines = [column_sql(field) for field in schema["fields"]]
    lines.append(f"PRIMARY KEY ({quoted(schema['primaryKey'])})")
    for key in schema.get("foreignKeys", []):
        reference = key["reference"]
        lines.append(f"FOREIGN KEY ({quoted(key['fields'])}) REFERENCES "
                     f"\"{reference['resource'] or name}\" ({quoted(reference['fields'])})")
    return f'CREATE TABLE "{name}" (\n  ' + ",\n  ".join(lines) + "\n)"


def as_sql(value):
    return value.isoformat() if hasattr(value, "isoformat") else value


def write_database(package: DataPackage, path: Path) -> None:
    connection = sqlite3.connect(path)  # a new file: the release folder was just created
    try:
        with connection:
            for resource in package.descriptor["resources"]:
                fill_table(connection, package, resource)
        broken = connection.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise ValueError(f"foreign keys do not hold in the database: {broken[:5]}")
        connection.execute("VACUUM")  # compact, and the same layout however the rows went in
    finally:
        connection.close()


def fill_table(connection, package: DataPackage, resource: dict) -> None:
    name, schema = resource["name"], resource["schema"]
    names = [field["name"] for field in schema["fields"]]
    connection.execute(create_table_sql(name, schema))
    insert = f'INSERT INTO "{name}" ({quoted(names)}) VALUES ({", ".join("?" for _ in names)})'
    rows = typed_rows(package, name)
    connection.executemany(insert, [[as_sql(row[field]) for field in names] for row in rows])
