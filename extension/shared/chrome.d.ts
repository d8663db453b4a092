// The few WebExtension APIs Followback uses, declared for the tsc check
// (extension/jsconfig.json); not part of the package. Shapes follow Chrome's
// and Firefox's documentation; only what the code calls is declared.

declare namespace chrome {
  namespace runtime {
    const id: string;
    function getURL(path: string): string;
    function openOptionsPage(): Promise<void>;
    function sendMessage(message: unknown): Promise<any>;
    interface MessageSender {
      id?: string;
      url?: string;
      origin?: string;
      tab?: { id?: number; url?: string };
      frameId?: number;
    }
    const onInstalled: {
      addListener(listener: (details: { reason: 'install' | 'update' | 'chrome_update' | 'shared_module_update' | string; previousVersion?: string }) => void): void;
    };
    const onMessage: {
      addListener(
        listener: (message: any, sender: MessageSender, sendResponse: (response?: unknown) => void) => boolean | void,
      ): void;
    };
    interface Port {
      name: string;
      sender?: MessageSender;
      postMessage(message: unknown): void;
      disconnect(): void;
      onMessage: { addListener(listener: (message: any, port: Port) => void): void };
      onDisconnect: { addListener(listener: (port: Port) => void): void };
    }
    function connect(info?: { name?: string }): Port;
    const lastError: { message?: string } | undefined;
    const onConnect: {
      addListener(listener: (port: Port) => void): void;
    };
  }
  namespace storage {
    interface StorageChange {
      oldValue?: any;
      newValue?: any;
    }
    interface StorageArea {
      get(keys?: string | string[] | Record<string, unknown> | null): Promise<Record<string, any>>;
      set(items: Record<string, unknown>): Promise<void>;
      remove(keys: string | string[]): Promise<void>;
      getBytesInUse?(keys?: string | string[] | null): Promise<number>;
      QUOTA_BYTES?: number;
    }
    const local: StorageArea;
    const sync: StorageArea;
    const onChanged: {
      addListener(listener: (changes: Record<string, StorageChange>, areaName: string) => void): void;
    };
  }
  namespace tabs {
    interface Tab {
      id?: number;
      url?: string;
    }
    function query(info: { active?: boolean; currentWindow?: boolean }): Promise<Tab[]>;
    function sendMessage(tabId: number, message: unknown): Promise<any>;
    function getCurrent(): Promise<Tab | undefined>;
    function create(properties: { url: string; active?: boolean }): Promise<Tab>;
  }
  namespace i18n {
    function getMessage(key: string, substitutions?: string | string[]): string;
    function getUILanguage(): string;
  }
}
