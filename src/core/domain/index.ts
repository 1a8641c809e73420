export { type Product, ProductCatalog } from './catalog';
export { exampleDomain } from './exampleShop';
export {
  checkInvariants,
  checkMessages,
  checkOrders,
  checkReadModel,
  checkStock,
  checkStreamVersions,
  type InvariantInput,
  type InvariantName,
  type InvariantReport,
  type Violation,
} from './invariants';
export {
  Inventory,
  type Reservation,
  type ReserveFailure,
  type ReserveResult,
  type StockLevel,
} from './inventory';
export { NotificationService, type NotifyOutcome } from './notifications';
export {
  decideConfirm,
  decideFail,
  decidePayment,
  decidePlace,
  type OrderEventType,
  type OrderPlacedData,
  type OrderState,
  type OrderStatus,
  orderAggregate,
  orderEventTypes,
  orderStreamId,
} from './order';
export {
  createDomain,
  type DomainOptions,
  driveStep,
  type EcommerceDomain,
  type OrderCreatedMessage,
  performStep,
  startOrder,
} from './orderFlow';
export { type OrderHistoryDoc, orderHistoryProjection } from './orderHistory';
export { OrderLedger } from './orderLedger';
export {
  type OrderFailureReason,
  type OrderRequest,
  OrderSaga,
  type SagaCommand,
  type SagaService,
  type SagaStepName,
  type SagaTransition,
  type StepOutcome,
} from './orderSaga';
export { type ChargeResult, type Payment, PaymentService, type PaymentTotals } from './payments';
export { generateSeedData, loadSeedData, type SeedData, type SeedOptions } from './seedData';
export { type User, UserDirectory } from './users';
