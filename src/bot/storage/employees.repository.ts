/** Employees, one partition per tenant: the roster and targeting read it whole. */
import type { TableClient, TransactionAction } from '@azure/data-tables';
import type { Employee } from '../../shared/domain/types.js';
import type { EmployeeRepository, Versioned } from '../services/ports.js';
import { ConflictError, guard, NotFoundError } from './errors.js';
import { mapLimit } from '../util/map-limit.js';
import { fromRow, toRow, validateDomain, type Row } from './entity-codec.js';
import { keys } from './keys.js';
import { employeeSchema } from './schemas.js';
import { BATCH_CONCURRENCY, chunkByPartition, listPartition, readRow, requireEtag, upsertRows } from './table-ops.js';

const what = (tenantId: string, id: string) => `employee ${tenantId}/${id}`;

/** Entity for an employee; validates the domain object first. */
export function toEmployeeEntity(employee: Employee): Row {
  const valid = validateDomain(employeeSchema, employee, what(employee.tenantId, employee.id));
  return toRow(keys.employee.pk(valid.tenantId), keys.employee.rk(valid.id), { ...valid }, what(valid.tenantId, valid.id));
}

/** Employee from a stored row; throws ValidationError (`CorruptRow`) for a row that does not fit. */
export function fromEmployeeEntity(row: Record<string, unknown>): Employee {
  return fromRow(employeeSchema, row, `employee row ${String(row.partitionKey)}/${String(row.rowKey)}`);
}

/** EmployeeRepository on Azure Table Storage. */
export class TableEmployeeRepository implements EmployeeRepository {
  constructor(private readonly table: TableClient) {}

  async get(tenantId: string, id: string): Promise<Versioned<Employee>> {
    const found = await this.find(tenantId, id);
    if (!found) throw new NotFoundError(`${what(tenantId, id)}: not found`);
    return found;
  }

  async find(tenantId: string, id: string): Promise<Versioned<Employee> | undefined> {
    const row = await readRow(this.table, keys.employee.pk(tenantId), keys.employee.rk(id), what(tenantId, id));
    return row && { value: fromEmployeeEntity(row), etag: String(row.etag) };
  }

  async listByTenant(tenantId: string): Promise<Employee[]> {
    const pk = keys.employee.pk(tenantId);
    const rows = await listPartition(this.table, pk, `employees of ${tenantId}`);
    return rows.map(fromEmployeeEntity);
  }

  async create(employee: Employee): Promise<Versioned<Employee>> {
    const row = toEmployeeEntity(employee);
    const res = await guard(what(employee.tenantId, employee.id), () => this.table.createEntity(row));
    return { value: fromEmployeeEntity(row), etag: res.etag ?? '' };
  }

  async update(employee: Employee, etag: string): Promise<Versioned<Employee>> {
    const row = toEmployeeEntity(employee);
    const res = await guard(what(employee.tenantId, employee.id), () => this.table.updateEntity(row, 'Replace', { etag: requireEtag(etag) }));
    return { value: fromEmployeeEntity(row), etag: res.etag ?? '' };
  }

  async createMany(employees: Employee[]): Promise<{ existing: string[] }> {
    const existing: string[] = [];
    const chunks = chunkByPartition(employees.map(toEmployeeEntity));
    await mapLimit(chunks, BATCH_CONCURRENCY, async (chunk) => {
      const actions: TransactionAction[] = chunk.map((row) => ['create', row]);
      try {
        await guard(`create ${chunk.length} employees`, () => this.table.submitTransaction(actions));
      } catch (err) {
        // A transaction is all or nothing: when one person exists, create the chunk one by one.
        if (!(err instanceof ConflictError)) throw err;
        for (const row of chunk) {
          try {
            await guard(`create employee ${String(row.rowKey)}`, () => this.table.createEntity(row));
          } catch (single) {
            if (!(single instanceof ConflictError)) throw single;
            existing.push(fromEmployeeEntity(row).id);
          }
        }
      }
    });
    return { existing };
  }

  async upsertMany(employees: Employee[]): Promise<void> {
    await upsertRows(this.table, employees.map(toEmployeeEntity), `upsert ${employees.length} employees`);
  }
}
