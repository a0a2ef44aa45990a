/** The built-in system tables, computed from a catalog when queried. */
import type { Catalog } from '../catalog.js';
import type { ViewDefinition } from '../define-view.js';
import { sysProcedureParameters, sysProcedures } from './sys-procedures.js';
import { sysSqlInfo } from './sys-sqlinfo.js';
import { sysKeyColumns, sysTableColumns, sysTables } from './sys-tables.js';
import { CATALOG_NAME, SCHEMA_NAME } from './system-view.js';

export function createSystemViews(catalog: Catalog<unknown>): ViewDefinition<unknown>[] {
  const facts = {
    catalogName: CATALOG_NAME,
    schemaName: SCHEMA_NAME,
    get views() {
      return catalog.reportedViews;
    },
    get procedures() {
      return catalog.procedures;
    },
  };
  return [sysTables(facts), sysTableColumns(facts), sysProcedures(facts), sysProcedureParameters(facts), sysKeyColumns(facts), sysSqlInfo()];
}
