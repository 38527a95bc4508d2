export { createReceiptsModule, type ReceiptsModule, type ReceiptsModuleOptions, type ReceiptsHandlers } from './module';
export { rendererPrinter, createMemoryPrinter, type Printer, type PrintJob } from './printer';
