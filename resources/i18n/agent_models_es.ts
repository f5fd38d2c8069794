<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
<context>
    <name>AddEndpointDialog</name>
    <message>
        <source>Add custom endpoint</source>
        <translation>Añadir endpoint personalizado</translation>
    </message>
    <message>
        <source>Add another OpenAI Compatible endpoint, such as a local model server, with its own name.</source>
        <translation>Añade otro endpoint compatible con OpenAI, como un servidor de modelos local, con su propio nombre.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>The name shown on the card, for example Office GPU server.</source>
        <translation>El nombre que muestra la tarjeta, por ejemplo Servidor GPU de la oficina.</translation>
    </message>
    <message>
        <source>For example: Office GPU server</source>
        <translation>Por ejemplo: Servidor GPU de la oficina</translation>
    </message>
    <message>
        <source>Preset</source>
        <translation>Preajuste</translation>
    </message>
    <message>
        <source>Fills in the API Host of a local server that needs no key.</source>
        <translation>Rellena el API Host de un servidor local que no necesita clave.</translation>
    </message>
    <message>
        <source>None: I will enter the API Host</source>
        <translation>Ninguno: escribiré el API Host</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>&amp;Preset</source>
        <translation>&amp;Preajuste</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>A card named {name} already exists. Choose another name.</source>
        <translation>Ya existe una tarjeta llamada {name}. Elige otro nombre.</translation>
    </message>
    <message>
        <source>The name shown on the card.</source>
        <translation>El nombre que muestra la tarjeta.</translation>
    </message>
</context>
<context>
    <name>EnvKeysDialog</name>
    <message>
        <source>Import keys from environment</source>
        <translation>Importar claves del entorno</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>No key variable is set. These are the ones looked for: {names}.</source>
        <translation>No hay ninguna variable de clave definida. Estas son las que se buscan: {names}.</translation>
    </message>
    <message>
        <source>These environment variables contain provider keys. Choose the ones to store in the keychain; their values are not shown. Imported cards show Unverified until you save them, which validates the key.</source>
        <translation>Estas variables de entorno contienen claves de proveedores. Elige las que quieres guardar en el llavero; sus valores no se muestran. Las tarjetas importadas muestran Sin verificar hasta que las guardes, lo que valida la clave.</translation>
    </message>
    <message>
        <source>{variable} for {provider}</source>
        <translation>{variable} para {provider}</translation>
    </message>
    <message>
        <source>Replaces the saved key of this card.</source>
        <translation>Sustituye la clave guardada de esta tarjeta.</translation>
    </message>
    <message>
        <source>{variable}: {problem} Set {variable} again, then import again.</source>
        <translation>{variable}: {problem} Vuelve a definir {variable} y luego importa de nuevo.</translation>
    </message>
    <message>
        <source>{variable} must be set as well.</source>
        <translation>También hay que definir {variable}.</translation>
    </message>
    <message>
        <source>{provider} has no default API Host. Save its card first, then import the key.</source>
        <translation>{provider} no tiene un API Host predeterminado. Guarda primero su tarjeta y después importa la clave.</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <source>Unexpected error</source>
        <translation>Error inesperado</translation>
    </message>
    <message>
        <source>Something went wrong. The window keeps working; details are in the log.</source>
        <translation>Algo ha fallado. La ventana sigue funcionando; los detalles están en el registro.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>Export settings</source>
        <translation>Exportar ajustes</translation>
    </message>
    <message>
        <source>Writes the saved configs and the default to a JSON file, for a backup or another computer.</source>
        <translation>Escribe las configuraciones guardadas y la predeterminada en un archivo JSON, como copia de seguridad o para otro equipo.</translation>
    </message>
    <message>
        <source>Include the API keys</source>
        <translation>Incluir las claves de API</translation>
    </message>
    <message>
        <source>Also writes the keys from the keychain into the file, in plain text.</source>
        <translation>También escribe en el archivo las claves del llavero, en texto plano.</translation>
    </message>
    <message>
        <source>The file will contain your API keys in plain text, and anyone who can read it can use them. It is written readable only by you. Keep it private, and delete it when you no longer need it.</source>
        <translation>El archivo contendrá tus claves de API en texto plano, y cualquiera que pueda leerlo podrá usarlas. Se escribe de modo que solo tú puedas leerlo. Mantenlo en privado y bórralo cuando ya no lo necesites.</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Exportar…</translation>
    </message>
</context>
<context>
    <name>FormRow</name>
    <message>
        <source>Use the suggested value</source>
        <translation>Usar el valor sugerido</translation>
    </message>
    <message>
        <source>Use {value}</source>
        <translation>Usar {value}</translation>
    </message>
    <message>
        <source>Replaces {field} with this value.</source>
        <translation>Sustituye {field} por este valor.</translation>
    </message>
    <message>
        <source>Required.</source>
        <translation>Obligatorio.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Navigation</source>
        <translation>Navegación</translation>
    </message>
    <message>
        <source>Agents</source>
        <translation>Agentes</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelos</translation>
    </message>
    <message>
        <source>Validation cancelled because the window is closing.</source>
        <translation>Validación cancelada porque la ventana se está cerrando.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <source>These cards have changes that are not saved: {names}. Close and discard them?</source>
        <translation>Estas tarjetas tienen cambios sin guardar: {names}. ¿Cerrar y descartarlos?</translation>
    </message>
    <message>
        <source>Discard and close</source>
        <translation>Descartar y cerrar</translation>
    </message>
</context>
<context>
    <name>ModelListLoader</name>
    <message>
        <source>Loading the model list…</source>
        <translation>Cargando la lista de modelos…</translation>
    </message>
    <message>
        <source>The model list could not be loaded: {message}</source>
        <translation>No se pudo cargar la lista de modelos: {message}</translation>
    </message>
    <message>
        <source>{provider} listed no models. Type the model name.</source>
        <translation>{provider} no devolvió ningún modelo. Escribe el nombre del modelo.</translation>
    </message>
    <message>
        <source>Models loaded: {count}. Type part of a name to search them, or enter any other name.</source>
        <translation>Modelos cargados: {count}. Escribe parte de un nombre para buscarlos, o introduce cualquier otro nombre.</translation>
    </message>
</context>
<context>
    <name>ModelsPage</name>
    <message>
        <source>Custom Model</source>
        <translation>Modelo personalizado</translation>
    </message>
    <message>
        <source>Bring your own key for any of these providers.</source>
        <translation>Usa tu propia clave con cualquiera de estos proveedores.</translation>
    </message>
    <message>
        <source>Agents › Models</source>
        <translation>Agentes › Modelos</translation>
    </message>
    <message>
        <source>Models</source>
        <translation>Modelos</translation>
    </message>
    <message>
        <source>Bring your own API key: Save checks the key and model with the provider, then keeps the key in your system&apos;s keychain. Set as Default chooses the model your agents use.</source>
        <translation>Usa tu propia clave de API: Guardar comprueba la clave y el modelo con el proveedor y después guarda la clave en el llavero del sistema. Establecer como predeterminado elige el modelo que usan tus agentes.</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Problema</translation>
    </message>
    <message>
        <source>Keep keys in a file instead</source>
        <translation>Guardar las claves en un archivo</translation>
    </message>
    <message>
        <source>Stores new keys in a file readable only by you, because the keychain cannot be used.</source>
        <translation>Guarda las claves nuevas en un archivo que solo tú puedes leer, porque no se puede usar el llavero.</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Keys are kept in a file readable only by you, not in the system keychain. Anyone with access to your user account can read them. To move them to the keychain, run: {command}</source>
        <translation>Las claves se guardan en un archivo que solo tú puedes leer, no en el llavero del sistema. Cualquiera con acceso a tu cuenta de usuario puede leerlas. Para moverlas al llavero, ejecuta: {command}</translation>
    </message>
    <message>
        <source>Key storage</source>
        <translation>Almacenamiento de claves</translation>
    </message>
    <message>
        <source>Search providers and models</source>
        <translation>Buscar proveedores y modelos</translation>
    </message>
    <message>
        <source>Shows only the cards whose name, Model Type or suggested models contain this text.</source>
        <translation>Muestra solo las tarjetas cuyo nombre, tipo de modelo o modelos sugeridos contienen este texto.</translation>
    </message>
    <message>
        <source>Configured first</source>
        <translation>Configurados primero</translation>
    </message>
    <message>
        <source>Moves the cards with a saved configuration to the top.</source>
        <translation>Coloca arriba las tarjetas con una configuración guardada.</translation>
    </message>
    <message>
        <source>Validate all</source>
        <translation>Validar todo</translation>
    </message>
    <message>
        <source>Checks every saved configuration with its provider again. Nothing is changed on disk.</source>
        <translation>Vuelve a comprobar cada configuración guardada con su proveedor. No se cambia nada en el disco.</translation>
    </message>
    <message>
        <source>Add custom endpoint</source>
        <translation>Añadir endpoint personalizado</translation>
    </message>
    <message>
        <source>Adds another OpenAI Compatible card, for example for a local model server.</source>
        <translation>Añade otra tarjeta compatible con OpenAI, por ejemplo para un servidor de modelos local.</translation>
    </message>
    <message>
        <source>Import / Export</source>
        <translation>Importar / Exportar</translation>
    </message>
    <message>
        <source>Import and export</source>
        <translation>Importar y exportar</translation>
    </message>
    <message>
        <source>Exports the settings to a file, imports them from one, or imports keys from environment variables.</source>
        <translation>Exporta los ajustes a un archivo, los importa desde uno o importa claves desde variables de entorno.</translation>
    </message>
    <message>
        <source>Export settings…</source>
        <translation>Exportar ajustes…</translation>
    </message>
    <message>
        <source>Import settings…</source>
        <translation>Importar ajustes…</translation>
    </message>
    <message>
        <source>Import keys from environment…</source>
        <translation>Importar claves del entorno…</translation>
    </message>
    <message>
        <source>The settings file could not be updated to this version: {error}</source>
        <translation>No se pudo actualizar el archivo de ajustes a esta versión: {error}</translation>
    </message>
    <message>
        <source>Saved keys could not be read from the keychain: {error}</source>
        <translation>No se pudieron leer las claves guardadas del llavero: {error}</translation>
    </message>
    <message>
        <source>These configs were not in the restored settings; save them again: {configs}.</source>
        <translation>Estas configuraciones no estaban en los ajustes restaurados; vuelve a guardarlas: {configs}.</translation>
    </message>
    <message>
        <source>The settings file could not be read ({reason}). It was moved to {moved_to} and the settings were restored from the backup {backup}.</source>
        <translation>No se pudo leer el archivo de configuración ({reason}). Se movió a {moved_to} y la configuración se restauró desde la copia de seguridad {backup}.</translation>
    </message>
    <message>
        <source>The settings file could not be read ({reason}). It was moved to {moved_to} and the program started with empty settings.</source>
        <translation>No se pudo leer el archivo de configuración ({reason}). Se movió a {moved_to} y el programa se inició con la configuración vacía.</translation>
    </message>
    <message>
        <source>The keychain cannot be used right now, so keys cannot be saved. You can keep keys in a file instead.</source>
        <translation>Ahora no se puede usar el llavero, así que no se pueden guardar claves. Puedes guardar las claves en un archivo.</translation>
    </message>
    <message>
        <source>Keep keys in a file</source>
        <translation>Guardar las claves en un archivo</translation>
    </message>
    <message>
        <source>Keys will be kept in a file in your settings folder. Only your user account can read the file, but it is not encrypted: anyone who uses your account, and any program you run, can read the keys. Keep keys in a file?</source>
        <translation>Las claves se guardarán en un archivo de tu carpeta de ajustes. Solo tu cuenta de usuario puede leer el archivo, pero no está cifrado: cualquiera que use tu cuenta, y cualquier programa que ejecutes, puede leer las claves. ¿Guardar las claves en un archivo?</translation>
    </message>
    <message>
        <source>Keys could not be moved to a file: {error}</source>
        <translation>No se pudieron mover las claves a un archivo: {error}</translation>
    </message>
    <message>
        <source>New keys are now kept in a file readable only by you. Enter the missing keys again and save.</source>
        <translation>Las claves nuevas se guardan ahora en un archivo que solo tú puedes leer. Vuelve a introducir las claves que faltan y guarda.</translation>
    </message>
    <message>
        <source>New keys are now kept in a file readable only by you.</source>
        <translation>Las claves nuevas se guardan ahora en un archivo que solo tú puedes leer.</translation>
    </message>
    <message>
        <source>settings.json was changed, but it could not be read: {error} The window still shows the settings from before.</source>
        <translation>settings.json cambió, pero no se pudo leer: {error} La ventana sigue mostrando los ajustes anteriores.</translation>
    </message>
    <message>
        <source>No provider or model matches “{text}”.</source>
        <translation>Ningún proveedor ni modelo coincide con «{text}».</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Set an unverified configuration as default</source>
        <translation>Establecer una configuración no verificada como predeterminada</translation>
    </message>
    <message>
        <source>{provider} was saved without validation, so its key and model are not proven. Agents may fail with it. Set it as the default anyway?</source>
        <translation>{provider} se guardó sin validación, así que su clave y su modelo no están comprobados. Los agentes pueden fallar con ella. ¿Establecerla como predeterminada de todos modos?</translation>
    </message>
    <message>
        <source>Set as Default</source>
        <translation>Establecer como predeterminado</translation>
    </message>
</context>
<context>
    <name>ProviderCard</name>
    <message>
        <source>Result</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Stores the key and settings although the provider could not check them.</source>
        <translation>Guarda la clave y los ajustes aunque el proveedor no haya podido comprobarlos.</translation>
    </message>
    <message>
        <source>Validation cancelled.</source>
        <translation>Validación cancelada.</translation>
    </message>
    <message>
        <source>Not configured yet.</source>
        <translation>Aún sin configurar.</translation>
    </message>
    <message>
        <source>Key storage</source>
        <translation>Almacenamiento de claves</translation>
    </message>
    <message>
        <source>Use the suggested API Host</source>
        <translation>Usar el API Host sugerido</translation>
    </message>
    <message>
        <source>Save without validation</source>
        <translation>Guardar sin validar</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Save {provider}</source>
        <translation>Guardar {provider}</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Cancel validation</source>
        <translation>Cancelar la validación</translation>
    </message>
    <message>
        <source>Stops the running validation. Shortcut: Esc.</source>
        <translation>Detiene la validación en curso. Atajo: Esc.</translation>
    </message>
    <message>
        <source>Set as Default</source>
        <translation>Establecer como predeterminado</translation>
    </message>
    <message>
        <source>Set {provider} as default</source>
        <translation>Establecer {provider} como predeterminado</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Restablecer</translation>
    </message>
    <message>
        <source>Deletes the saved key from the keychain and this card&apos;s settings.</source>
        <translation>Borra la clave guardada del llavero y los ajustes de esta tarjeta.</translation>
    </message>
    <message>
        <source>Get an API key</source>
        <translation>Obtener una clave de API</translation>
    </message>
    <message>
        <source>Documentation</source>
        <translation>Documentación</translation>
    </message>
    <message>
        <source>Links for {provider}</source>
        <translation>Enlaces de {provider}</translation>
    </message>
    <message>
        <source>Opens the provider&apos;s key page or documentation in your browser.</source>
        <translation>Abre en el navegador la página de claves o la documentación del proveedor.</translation>
    </message>
    <message>
        <source>The keychain could not be read, so the saved key is not available. The message above the cards says how to fix it.</source>
        <translation>No se pudo leer el llavero, así que la clave guardada no está disponible. El mensaje encima de las tarjetas indica cómo solucionarlo.</translation>
    </message>
    <message>
        <source>The saved key could not be read from the keychain. Enter the key again and save.</source>
        <translation>No se pudo leer la clave guardada del llavero. Escribe la clave de nuevo y guarda.</translation>
    </message>
    <message>
        <source>Not saved. Correct the marked fields and save again.</source>
        <translation>No se ha guardado. Corrige los campos marcados y vuelve a guardar.</translation>
    </message>
    <message>
        <source>Validation stopped because of an internal error. See the log.</source>
        <translation>La validación se detuvo por un error interno. Consulta el registro.</translation>
    </message>
    <message>
        <source>Validated, but the settings could not be written: {error}</source>
        <translation>Validado, pero no se pudieron escribir los ajustes: {error}</translation>
    </message>
    <message>
        <source>{provider} is rate limiting this key, so the key and model are not proven. Save the key and settings anyway? The card will show Unverified, and setting it as the default will ask you to confirm again.</source>
        <translation>{provider} está limitando la frecuencia de esta clave, así que la clave y el modelo no están comprobados. ¿Guardar la clave y los ajustes de todos modos? La tarjeta mostrará Sin verificar y, al establecerla como predeterminada, se te pedirá que lo confirmes de nuevo.</translation>
    </message>
    <message>
        <source>{provider} could not be reached, so the key and model are not proven. Save the key and settings anyway? The card will show Unverified, and setting it as the default will ask you to confirm again.</source>
        <translation>No se pudo contactar con {provider}, así que la clave y el modelo no están comprobados. ¿Guardar la clave y los ajustes de todos modos? La tarjeta mostrará Sin verificar y, al establecerla como predeterminada, se te pedirá que lo confirmes de nuevo.</translation>
    </message>
    <message>
        <source>Remove {provider}</source>
        <translation>Quitar {provider}</translation>
    </message>
    <message>
        <source>Remove this endpoint? Its key is deleted from the keychain and its settings from settings.json.</source>
        <translation>¿Quitar este endpoint? Su clave se borra del llavero y sus ajustes de settings.json.</translation>
    </message>
    <message>
        <source>Reset {provider}</source>
        <translation>Restablecer {provider}</translation>
    </message>
    <message>
        <source>Reset this card? Its key is deleted from the keychain and its settings from settings.json.</source>
        <translation>¿Restablecer esta tarjeta? Su clave se borra del llavero y sus ajustes de settings.json.</translation>
    </message>
    <message>
        <source>Discard your changes to this card?</source>
        <translation>¿Descartar los cambios de esta tarjeta?</translation>
    </message>
    <message>
        <source>Reset to the provider&apos;s defaults.</source>
        <translation>Restablecida a los valores predeterminados del proveedor.</translation>
    </message>
    <message>
        <source>Validating…</source>
        <translation>Validando…</translation>
    </message>
    <message>
        <source>Validation failed. Your saved configuration was not changed.</source>
        <translation>La validación falló. Tu configuración guardada no ha cambiado.</translation>
    </message>
    <message>
        <source>Validation failed. Nothing was saved.</source>
        <translation>La validación falló. No se guardó nada.</translation>
    </message>
    <message>
        <source>Validation failed.</source>
        <translation>La validación falló.</translation>
    </message>
    <message>
        <source>Double-check your API key. Regenerate a new key if needed.</source>
        <translation>Revisa tu clave de API. Genera una clave nueva si hace falta.</translation>
    </message>
    <message>
        <source>Verify the model name is correct. Check if you have access to that model.</source>
        <translation>Comprueba que el nombre del modelo es correcto y que tienes acceso a ese modelo.</translation>
    </message>
    <message>
        <source>Check your provider&apos;s billing dashboard. Add credits or upgrade your plan.</source>
        <translation>Revisa el panel de facturación de tu proveedor. Añade crédito o mejora tu plan.</translation>
    </message>
    <message>
        <source>Use {host}</source>
        <translation>Usar {host}</translation>
    </message>
    <message>
        <source>Replaces the API Host with the address that answered. Save again to validate it.</source>
        <translation>Sustituye el API Host por la dirección que respondió. Vuelve a guardar para validarla.</translation>
    </message>
    <message>
        <source>API Host changed to {host}. Save to validate it.</source>
        <translation>API Host cambiado a {host}. Guarda para validarlo.</translation>
    </message>
    <message>
        <source>Saved, but the key is missing. Enter it again and save.</source>
        <translation>Guardado, pero falta la clave. Escríbela de nuevo y guarda.</translation>
    </message>
    <message>
        <source>Saved without validation.</source>
        <translation>Guardado sin validar.</translation>
    </message>
    <message>
        <source>Saved. Validated on {time}.</source>
        <translation>Guardado. Validado el {time}.</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Guardado.</translation>
    </message>
    <message>
        <source>The key could not be stored or read. Nothing was saved.</source>
        <translation>No se pudo guardar ni leer la clave. No se guardó nada.</translation>
    </message>
    <message>
        <source>Validation cancelled because the card changed. Save again to check the new values.</source>
        <translation>Validación cancelada porque la tarjeta cambió. Vuelve a guardar para comprobar los valores nuevos.</translation>
    </message>
    <message>
        <source>To save, fill in: {fields}.</source>
        <translation>Para guardar, rellena: {fields}.</translation>
    </message>
    <message>
        <source>No unsaved changes.</source>
        <translation>No hay cambios sin guardar.</translation>
    </message>
    <message>
        <source>{provider} card</source>
        <translation>Tarjeta de {provider}</translation>
    </message>
    <message>
        <source>This key is kept in a file readable only by you, not in the system keychain.</source>
        <translation>Esta clave se guarda en un archivo que solo tú puedes leer, no en el llavero del sistema.</translation>
    </message>
    <message>
        <source>Save keeps the key in a file readable only by you, not in the system keychain.</source>
        <translation>Guardar deja la clave en un archivo que solo tú puedes leer, no en el llavero del sistema.</translation>
    </message>
    <message>
        <source>This configuration is already the default.</source>
        <translation>Esta configuración ya es la predeterminada.</translation>
    </message>
    <message>
        <source>Agents will use this configuration.</source>
        <translation>Los agentes usarán esta configuración.</translation>
    </message>
    <message>
        <source>Not validated yet: you will be asked to confirm.</source>
        <translation>Aún no validado: se te pedirá confirmación.</translation>
    </message>
    <message>
        <source>Save and validate this card first.</source>
        <translation>Primero guarda y valida esta tarjeta.</translation>
    </message>
    <message>
        <source>Enter a valid API Host to see the URL that Save will call.</source>
        <translation>Escribe un API Host válido para ver la URL a la que llamará Guardar.</translation>
    </message>
    <message>
        <source>Save calls: POST {url}</source>
        <translation>Guardar llama a: POST {url}</translation>
    </message>
</context>
<context>
    <name>ProviderForm</name>
    <message>
        <source>Or sign requests with AWS access keys instead of an API key:</source>
        <translation>O firma las solicitudes con claves de acceso de AWS en lugar de una clave de API:</translation>
    </message>
    <message>
        <source>Your authentication key from {provider}.</source>
        <translation>Tu clave de autenticación de {provider}.</translation>
    </message>
    <message>
        <source>Example: {example}</source>
        <translation>Ejemplo: {example}</translation>
    </message>
    <message>
        <source>Leave it empty if the server needs no key.</source>
        <translation>Déjala vacía si el servidor no necesita clave.</translation>
    </message>
    <message>
        <source>API Key</source>
        <translation>Clave de API</translation>
    </message>
    <message>
        <source>The API endpoint URL, for example {example}.</source>
        <translation>La URL del endpoint de la API, por ejemplo {example}.</translation>
    </message>
    <message>
        <source>API Host</source>
        <translation>API Host</translation>
    </message>
    <message>
        <source>The specific model variant to use, for example {example}.</source>
        <translation>La variante concreta del modelo, por ejemplo {example}.</translation>
    </message>
    <message>
        <source>Model Type</source>
        <translation>Tipo de modelo</translation>
    </message>
    <message>
        <source>Load models</source>
        <translation>Cargar modelos</translation>
    </message>
    <message>
        <source>Load models from {provider}</source>
        <translation>Cargar modelos de {provider}</translation>
    </message>
    <message>
        <source>Reads the models your key can use from {provider} and offers them as you type a Model Type.</source>
        <translation>Lee de {provider} los modelos que tu clave puede usar y los sugiere mientras escribes el Tipo de modelo.</translation>
    </message>
    <message>
        <source>Provider-specific setting for {provider}.</source>
        <translation>Ajuste específico de {provider}.</translation>
    </message>
    <message>
        <source>Hide {field}</source>
        <translation>Ocultar {field}</translation>
    </message>
    <message>
        <source>Show {field}</source>
        <translation>Mostrar {field}</translation>
    </message>
    <message>
        <source>Shows or hides the characters you typed.</source>
        <translation>Muestra u oculta los caracteres que escribiste.</translation>
    </message>
    <message>
        <source>Presets</source>
        <translation>Preajustes</translation>
    </message>
    <message>
        <source>Local server presets</source>
        <translation>Preajustes de servidores locales</translation>
    </message>
    <message>
        <source>Fills in the API Host of a local server.</source>
        <translation>Rellena el API Host de un servidor local.</translation>
    </message>
    <message>
        <source>Fill in the API Host of a local server</source>
        <translation>Rellenar el API Host de un servidor local</translation>
    </message>
    <message>
        <source>Optional for local servers</source>
        <translation>Opcional para servidores locales</translation>
    </message>
    <message>
        <source>e.g. {example}</source>
        <translation>p. ej. {example}</translation>
    </message>
    <message>
        <source>Key missing: enter it again</source>
        <translation>Falta la clave: escríbela de nuevo</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Guardado</translation>
    </message>
    <message>
        <source>Saved key ending in {suffix}</source>
        <translation>Clave guardada que termina en {suffix}</translation>
    </message>
    <message>
        <source>Saved, ending in {suffix}</source>
        <translation>Guardado, termina en {suffix}</translation>
    </message>
</context>
<context>
    <name>ResultDetails</name>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Validation details</source>
        <translation>Detalles de la validación</translation>
    </message>
    <message>
        <source>Shows each step of the last validation with its URL, HTTP status, latency and the provider&apos;s message.</source>
        <translation>Muestra cada paso de la última validación con su URL, estado HTTP, latencia y el mensaje del proveedor.</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>correcto</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fallido</translation>
    </message>
    <message>
        <source>HTTP {status}</source>
        <translation>HTTP {status}</translation>
    </message>
    <message>
        <source>{milliseconds} ms</source>
        <translation>{milliseconds} ms</translation>
    </message>
    <message>
        <source>URL: {url}</source>
        <translation>URL: {url}</translation>
    </message>
    <message>
        <source>HTTP status: {status}</source>
        <translation>Estado HTTP: {status}</translation>
    </message>
    <message>
        <source>Latency: {milliseconds} ms</source>
        <translation>Latencia: {milliseconds} ms</translation>
    </message>
    <message>
        <source>Provider message: {message}</source>
        <translation>Mensaje del proveedor: {message}</translation>
    </message>
    <message>
        <source>Redirected to: {location}</source>
        <translation>Redirigido a: {location}</translation>
    </message>
    <message>
        <source>Proxy: {proxy}</source>
        <translation>Proxy: {proxy}</translation>
    </message>
    <message>
        <source>Proxy: none, direct connection</source>
        <translation>Proxy: ninguno, conexión directa</translation>
    </message>
</context>
<context>
    <name>SettingsTransfer</name>
    <message>
        <source>Export settings</source>
        <translation>Exportar ajustes</translation>
    </message>
    <message>
        <source>Settings were not exported: {error}</source>
        <translation>Los ajustes no se exportaron: {error}</translation>
    </message>
    <message>
        <source>Settings exported to {path}.</source>
        <translation>Ajustes exportados a {path}.</translation>
    </message>
    <message>
        <source>The file contains your API keys. Keep it private, and delete it when you no longer need it.</source>
        <translation>El archivo contiene tus claves de API. Mantenlo en privado y bórralo cuando ya no lo necesites.</translation>
    </message>
    <message>
        <source>No key was found for: {configs}.</source>
        <translation>No se encontró clave para: {configs}.</translation>
    </message>
    <message>
        <source>Import settings</source>
        <translation>Importar ajustes</translation>
    </message>
    <message>
        <source>Nothing was imported: {error}</source>
        <translation>No se importó nada: {error}</translation>
    </message>
    <message>
        <source>Import the configs in {file}? Saved configs with the same id are replaced, and the others are kept, as is the default.</source>
        <translation>¿Importar las configuraciones de {file}? Las configuraciones guardadas con el mismo id se sustituyen; las demás se conservan, igual que la predeterminada.</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>Configs imported from {file}: {count}.</source>
        <translation>Configuraciones importadas de {file}: {count}.</translation>
    </message>
    <message>
        <source>Keys stored for: {configs}.</source>
        <translation>Claves guardadas para: {configs}.</translation>
    </message>
    <message>
        <source>Enter the key again and save for: {configs}.</source>
        <translation>Vuelve a escribir la clave y guarda para: {configs}.</translation>
    </message>
    <message>
        <source>No key was imported: {error}</source>
        <translation>No se importó ninguna clave: {error}</translation>
    </message>
    <message>
        <source>The chosen keys were already saved.</source>
        <translation>Las claves elegidas ya estaban guardadas.</translation>
    </message>
    <message>
        <source>Keys imported for: {providers}. These cards show Unverified until you save them, which validates the key.</source>
        <translation>Claves importadas para: {providers}. Estas tarjetas muestran Sin verificar hasta que las guardes, lo que valida la clave.</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Archivos JSON (*.json)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Todos los archivos (*)</translation>
    </message>
</context>
<context>
    <name>StatusBadge</name>
    <message>
        <source>Status: {status}</source>
        <translation>Estado: {status}</translation>
    </message>
    <message>
        <source>Checking the key and model with the provider.</source>
        <translation>Comprobando la clave y el modelo con el proveedor.</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Predeterminado</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallido</translation>
    </message>
    <message>
        <source>Key missing</source>
        <translation>Falta la clave</translation>
    </message>
    <message>
        <source>Not configured</source>
        <translation>Sin configurar</translation>
    </message>
    <message>
        <source>Nothing is saved for this provider.</source>
        <translation>No hay nada guardado para este proveedor.</translation>
    </message>
    <message>
        <source>Saved without reaching the provider, so the key is not proven.</source>
        <translation>Guardado sin contactar con el proveedor, así que la clave no está comprobada.</translation>
    </message>
    <message>
        <source>Saved, and the key and model worked.</source>
        <translation>Guardado; la clave y el modelo funcionaron.</translation>
    </message>
    <message>
        <source>Saved, validated, and used by your agents.</source>
        <translation>Guardado, validado y en uso por tus agentes.</translation>
    </message>
    <message>
        <source>The configuration is saved, but its key cannot be read from the keychain.</source>
        <translation>La configuración está guardada, pero su clave no se puede leer del llavero.</translation>
    </message>
    <message>
        <source>The last validation failed.</source>
        <translation>La última validación falló.</translation>
    </message>
    <message>
        <source>Unverified</source>
        <translation>Sin verificar</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Válido</translation>
    </message>
    <message>
        <source>Validating</source>
        <translation>Validando</translation>
    </message>
</context>
<context>
    <name>ToolSupportLine</name>
    <message>
        <source>Tool calling</source>
        <translation>Llamadas a herramientas</translation>
    </message>
    <message>
        <source>Tool calling: checking…</source>
        <translation>Llamadas a herramientas: comprobando…</translation>
    </message>
    <message>
        <source>Tool calling: unknown. The provider&apos;s answer did not show whether this model accepts tools.</source>
        <translation>Llamadas a herramientas: desconocido. La respuesta del proveedor no mostró si este modelo acepta herramientas.</translation>
    </message>
    <message>
        <source>Tool calling: supported.</source>
        <translation>Llamadas a herramientas: compatibles.</translation>
    </message>
    <message>
        <source>Tool calling: not supported. Agents that use tools may not work with this model.</source>
        <translation>Llamadas a herramientas: no compatibles. Los agentes que usan herramientas pueden no funcionar con este modelo.</translation>
    </message>
</context>
<context>
    <name>forms</name>
    <message>
        <source>API Key contains a character that keys never have (often an invisible one copied with it). Copy the key again, or type it.</source>
        <translation>La clave de API contiene un carácter que las claves nunca tienen (a menudo uno invisible copiado con ella). Vuelve a copiar la clave o escríbela.</translation>
    </message>
    <message>
        <source>API Key contains a space or line break. Copy the key again, without extra characters.</source>
        <translation>La clave de API contiene un espacio o un salto de línea. Vuelve a copiar la clave, sin caracteres de más.</translation>
    </message>
    <message>
        <source>API Key is required. Paste the key from {provider}.</source>
        <translation>La clave de API es obligatoria. Pega la clave de {provider}.</translation>
    </message>
    <message>
        <source>Enter a Bedrock API key, or an access key ID and secret access key.</source>
        <translation>Escribe una clave de API de Bedrock, o un ID de clave de acceso y una clave de acceso secreta.</translation>
    </message>
    <message>
        <source>Enter both the access key ID and the secret access key, or neither.</source>
        <translation>Escribe el ID de clave de acceso y la clave de acceso secreta, o ninguno de los dos.</translation>
    </message>
    <message>
        <source>Model Type contains a line break or another invisible character. Enter the model name on one line, for example {example}.</source>
        <translation>Tipo de modelo contiene un salto de línea u otro carácter invisible. Escribe el nombre del modelo en una sola línea, por ejemplo {example}.</translation>
    </message>
    <message>
        <source>Model Type is required, for example {example}.</source>
        <translation>El tipo de modelo es obligatorio, por ejemplo {example}.</translation>
    </message>
    <message>
        <source>{key} is not an External Config field of {provider}. Known fields: {known}.</source>
        <translation>{key} no es un campo de External Config de {provider}. Campos conocidos: {known}.</translation>
    </message>
    <message>
        <source>{label} contains a line break or another invisible character. Enter it on one line, without extra characters.</source>
        <translation>{label} contiene un salto de línea u otro carácter invisible. Escríbelo en una sola línea, sin caracteres de más.</translation>
    </message>
    <message>
        <source>{label} is required for {provider}.</source>
        <translation>{label} es obligatorio para {provider}.</translation>
    </message>
</context>
<context>
    <name>hosts</name>
    <message>
        <source>, for example {example}</source>
        <translation>, por ejemplo {example}</translation>
    </message>
    <message>
        <source>API Host is in region {value}, which differs from the Region field. Requests are signed for the host&apos;s region; change one so that both match.</source>
        <translation>El API Host está en la región {value}, distinta del campo Región. Las solicitudes se firman para la región del host; cambia uno para que coincidan.</translation>
    </message>
    <message>
        <source>API Host is required. Enter the URL of the API{value}.</source>
        <translation>El API Host es obligatorio. Escribe la URL de la API{value}.</translation>
    </message>
    <message>
        <source>API Host {value!r} contains &apos;?&apos; or &apos;#&apos;. Enter only the address up to its path, such as https://api.example.com/v1.</source>
        <translation>El API Host {value!r} contiene &apos;?&apos; o &apos;#&apos;. Escribe solo la dirección hasta su ruta, como https://api.example.com/v1.</translation>
    </message>
    <message>
        <source>API Host {value!r} contains a user name or password. Remove it and put the key in API Key.</source>
        <translation>El API Host {value!r} contiene un nombre de usuario o una contraseña. Quítalo y pon la clave en Clave de API.</translation>
    </message>
    <message>
        <source>API Host {value!r} has no scheme. Start it with https:// (or http:// for a local server).</source>
        <translation>El API Host {value!r} no tiene esquema. Empiézalo por https:// (o http:// para un servidor local).</translation>
    </message>
    <message>
        <source>API Host {value!r} is not a valid URL. Enter it like https://api.example.com/v1.</source>
        <translation>El API Host {value!r} no es una URL válida. Escríbelo como https://api.example.com/v1.</translation>
    </message>
    <message>
        <source>API Host {value!r} must start with https:// or http://.</source>
        <translation>El API Host {value!r} debe empezar por https:// o http://.</translation>
    </message>
    <message>
        <source>API Host {value!r} uses plain http://, so the key travels unencrypted. Use https:// unless this server is on your own machine or network.</source>
        <translation>El API Host {value!r} usa http:// sin cifrar, así que la clave viaja sin cifrar. Usa https:// salvo que el servidor esté en tu equipo o tu red.</translation>
    </message>
</context>
<context>
    <name>keychain</name>
    <message>
        <source>Could not read the key of {config}.</source>
        <translation>No se pudo leer la clave de {config}.</translation>
    </message>
    <message>
        <source>Could not store the key of {config}.</source>
        <translation>No se pudo guardar la clave de {config}.</translation>
    </message>
    <message>
        <source>Could not delete the key of {config}.</source>
        <translation>No se pudo eliminar la clave de {config}.</translation>
    </message>
    <message>
        <source>No keychain was found.</source>
        <translation>No se encontró ningún llavero.</translation>
    </message>
    <message>
        <source>The keychain is locked.</source>
        <translation>El llavero está bloqueado.</translation>
    </message>
    <message>
        <source>The keychain could not be opened. It may be locked or have no default keyring.</source>
        <translation>No se pudo abrir el llavero. Puede estar bloqueado o no tener un depósito de claves predeterminado.</translation>
    </message>
    <message>
        <source>No Secret Service keychain answered on D-Bus.</source>
        <translation>Ningún llavero de Secret Service respondió en D-Bus.</translation>
    </message>
    <message>
        <source>The keychain failed ({type}).</source>
        <translation>El llavero falló ({type}).</translation>
    </message>
    <message>
        <source>Unlock the keychain, for example by logging in to your desktop again, then save again, or choose Keep keys in a file instead.</source>
        <translation>Desbloquea el llavero, por ejemplo volviendo a iniciar sesión en tu escritorio, y guarda de nuevo, o elige Guardar las claves en un archivo.</translation>
    </message>
    <message>
        <source>Unlock the login keychain in Keychain Access and try again, or choose Keep keys in a file instead.</source>
        <translation>Desbloquea el llavero de inicio de sesión en Acceso a Llaveros y vuelve a intentarlo, o elige Guardar las claves en un archivo.</translation>
    </message>
    <message>
        <source>Check that Windows Credential Manager is available for your account, or choose Keep keys in a file instead.</source>
        <translation>Comprueba que el Administrador de credenciales de Windows está disponible para tu cuenta, o elige Guardar las claves en un archivo.</translation>
    </message>
    <message>
        <source>Install and start a Secret Service keychain (gnome-keyring, or KeePassXC with Secret Service enabled), unlock its default keyring and try again, or choose Keep keys in a file instead.</source>
        <translation>Instala e inicia un llavero de Secret Service (gnome-keyring, o KeePassXC con Secret Service activado), desbloquea su depósito de claves predeterminado y vuelve a intentarlo, o elige Guardar las claves en un archivo.</translation>
    </message>
</context>
<context>
    <name>providers</name>
    <message>
        <source>API version</source>
        <translation>Versión de la API</translation>
    </message>
    <message>
        <source>Access key ID</source>
        <translation>ID de clave de acceso</translation>
    </message>
    <message>
        <source>Deployment name</source>
        <translation>Nombre de la implementación</translation>
    </message>
    <message>
        <source>OpenAI Compatible</source>
        <translation>Compatible con OpenAI</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Región</translation>
    </message>
    <message>
        <source>Secret access key</source>
        <translation>Clave de acceso secreta</translation>
    </message>
    <message>
        <source>Session token</source>
        <translation>Token de sesión</translation>
    </message>
</context>
<context>
    <name>sentences</name>
    <message>
        <source>{first} {second}</source>
        <translation>{first} {second}</translation>
    </message>
</context>
<context>
    <name>settings</name>
    <message>
        <source>Another Agent Models process has held {path} for over {seconds} seconds. Close it, or delete the lock file if none runs.</source>
        <translation>Otro proceso de Agent Models ha mantenido {path} durante más de {seconds} segundos. Ciérralo, o elimina el archivo de bloqueo si no hay ninguno en ejecución.</translation>
    </message>
    <message>
        <source>Cannot read {path}: it is a folder, not a file. Remove or rename that folder, then try again.</source>
        <translation>No se puede leer {path}: es una carpeta, no un archivo. Elimina o cambia el nombre de esa carpeta y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}. Check the file&apos;s permissions; it must be readable and writable by your user.</source>
        <translation>No se puede leer {path}: {reason}. Revisa los permisos del archivo; tu usuario debe poder leerlo y escribirlo.</translation>
    </message>
    <message>
        <source>Check that the folder {folder} exists and is writable by you, and that the disk is not full.</source>
        <translation>Comprueba que la carpeta {folder} existe y que puedes escribir en ella, y que el disco no está lleno.</translation>
    </message>
    <message>
        <source>Could not create the settings folder {path} ({reason}).</source>
        <translation>No se pudo crear la carpeta de ajustes {path} ({reason}).</translation>
    </message>
    <message>
        <source>Could not lock {path} ({reason}).</source>
        <translation>No se pudo bloquear {path} ({reason}).</translation>
    </message>
    <message>
        <source>Could not move the unreadable {path} aside ({reason}).</source>
        <translation>No se pudo apartar el archivo ilegible {path} ({reason}).</translation>
    </message>
    <message>
        <source>Could not write {path} ({reason}).</source>
        <translation>No se pudo escribir {path} ({reason}).</translation>
    </message>
    <message>
        <source>not valid JSON at line {line}, column {column}</source>
        <translation>no es JSON válido en la línea {line}, columna {column}</translation>
    </message>
    <message>
        <source>the top level is not a JSON object</source>
        <translation>el nivel superior no es un objeto JSON</translation>
    </message>
    <message>
        <source>{culprit} is a folder, not a file. Remove or rename that folder.</source>
        <translation>{culprit} es una carpeta, no un archivo. Elimina o cambia el nombre de esa carpeta.</translation>
    </message>
    <message>
        <source>{culprit} or one of its parent folders is a file. Remove or rename that file, or set AGENT_MODELS_CONFIG_DIR to another folder.</source>
        <translation>{culprit} o una de sus carpetas superiores es un archivo. Elimina o cambia el nombre de ese archivo, o indica otra carpeta en AGENT_MODELS_CONFIG_DIR.</translation>
    </message>
    <message>
        <source>{field}: {problem}</source>
        <translation>{field}: {problem}</translation>
    </message>
    <message>
        <source>{path} cannot be imported: {problem}. Choose a file exported by Agent Models.</source>
        <translation>No se puede importar {path}: {problem}. Elige un archivo exportado por Agent Models.</translation>
    </message>
    <message>
        <source>{path} could not be parsed ({reason}). Open Agent Models to move it aside and restore the backup, or fix the file by hand.</source>
        <translation>No se pudo interpretar {path} ({reason}). Abre Agent Models para apartarlo y restaurar la copia de seguridad, o corrige el archivo a mano.</translation>
    </message>
    <message>
        <source>{path} has schema_version {version}, but this version of Agent Models reads up to {supported}. Update Agent Models; the file was not changed.</source>
        <translation>{path} tiene schema_version {version}, pero esta versión de Agent Models lee hasta la {supported}. Actualiza Agent Models; el archivo no se modificó.</translation>
    </message>
    <message>
        <source>{step} {fix} Nothing was changed.</source>
        <translation>{step} {fix} No se cambió nada.</translation>
    </message>
</context>
<context>
    <name>validation</name>
    <message>
        <source>API found at this path</source>
        <translation>API encontrada en esta ruta</translation>
    </message>
    <message>
        <source>Cannot find {host}: the name does not resolve. Check the API Host&apos;s spelling and your network connection.</source>
        <translation>No se encuentra {host}: el nombre no se resuelve. Revisa cómo está escrito el API Host y tu conexión de red.</translation>
    </message>
    <message>
        <source>Cannot reach the proxy {proxy} on the way to {host}. Check the proxy settings (HTTPS_PROXY, HTTP_PROXY, ALL_PROXY).</source>
        <translation>No se puede contactar con el proxy {proxy} de camino a {host}. Revisa los ajustes del proxy (HTTPS_PROXY, HTTP_PROXY, ALL_PROXY).</translation>
    </message>
    <message>
        <source>Cannot reach {host}. Check the API Host, your network connection and any proxy.</source>
        <translation>No se puede contactar con {host}. Revisa el API Host, tu conexión de red y el proxy, si lo hay.</translation>
    </message>
    <message>
        <source>Could not connect to {host} within {seconds} seconds. Check the API Host, your network and any firewall.</source>
        <translation>No se pudo conectar con {host} en {seconds} segundos. Revisa el API Host, tu red y el cortafuegos, si lo hay.</translation>
    </message>
    <message>
        <source>Invalid key. Validation failed.</source>
        <translation>Clave no válida. La validación falló.</translation>
    </message>
    <message>
        <source>Invalid model name. Validation failed.</source>
        <translation>Nombre de modelo no válido. La validación falló.</translation>
    </message>
    <message>
        <source>The secure connection to {host} failed (certificate or TLS error). Check the API Host and the system&apos;s certificates.</source>
        <translation>La conexión segura con {host} falló (error de certificado o de TLS). Revisa el API Host y los certificados del sistema.</translation>
    </message>
    <message>
        <source>Validated: the key and the model work.</source>
        <translation>Validado: la clave y el modelo funcionan.</translation>
    </message>
    <message>
        <source>You exceeded your current quota</source>
        <translation>Has superado tu cuota actual</translation>
    </message>
    <message>
        <source>corrected API Host answers</source>
        <translation>el API Host corregido responde</translation>
    </message>
    <message>
        <source>generation works</source>
        <translation>la generación funciona</translation>
    </message>
    <message>
        <source>host reachable</source>
        <translation>host accesible</translation>
    </message>
    <message>
        <source>in 1 second</source>
        <translation>en 1 segundo</translation>
    </message>
    <message>
        <source>in a minute</source>
        <translation>dentro de un minuto</translation>
    </message>
    <message>
        <source>in {seconds} seconds</source>
        <translation>dentro de {seconds} segundos</translation>
    </message>
    <message>
        <source>key accepted</source>
        <translation>clave aceptada</translation>
    </message>
    <message>
        <source>model available</source>
        <translation>modelo disponible</translation>
    </message>
    <message>
        <source>request format accepted</source>
        <translation>formato de solicitud aceptado</translation>
    </message>
    <message>
        <source>{host} answered HTTP 200 without a generated reply. See the provider&apos;s message, and check the API Host.</source>
        <translation>{host} respondió HTTP 200 sin una respuesta generada. Mira el mensaje del proveedor y revisa el API Host.</translation>
    </message>
    <message>
        <source>{host} answered HTTP {status} with an empty body, not like the {provider} API. Check the API Host.</source>
        <translation>{host} respondió HTTP {status} con el cuerpo vacío, no como la API de {provider}. Revisa el API Host.</translation>
    </message>
    <message>
        <source>{host} answered with a web page, not the {provider} API. Check the API Host and its path.</source>
        <translation>{host} respondió con una página web, no con la API de {provider}. Revisa el API Host y su ruta.</translation>
    </message>
    <message>
        <source>{host} answered with invalid JSON: not the {provider} API, or an answer cut off on the way. Check the API Host and any proxy.</source>
        <translation>{host} respondió con JSON no válido: no es la API de {provider}, o la respuesta se cortó por el camino. Revisa el API Host y el proxy, si lo hay.</translation>
    </message>
    <message>
        <source>{host} answered with text that is not JSON, so it is not the {provider} API. Check the API Host.</source>
        <translation>{host} respondió con texto que no es JSON, así que no es la API de {provider}. Revisa el API Host.</translation>
    </message>
    <message>
        <source>{host} answered, but not like the {provider} API. Check the API Host.</source>
        <translation>{host} respondió, pero no como la API de {provider}. Revisa el API Host.</translation>
    </message>
    <message>
        <source>{host} did not answer within {seconds} seconds. Try again, or check your network.</source>
        <translation>{host} no respondió en {seconds} segundos. Inténtalo de nuevo o revisa tu red.</translation>
    </message>
    <message>
        <source>{host} does not answer like the {provider} API at this path, but {suggested} does. Use the suggested API Host.</source>
        <translation>{host} no responde como la API de {provider} en esta ruta, pero {suggested} sí. Usa el API Host sugerido.</translation>
    </message>
    <message>
        <source>{host} does not answer like the {provider} API. Check the API Host and its path.</source>
        <translation>{host} no responde como la API de {provider}. Revisa el API Host y su ruta.</translation>
    </message>
    <message>
        <source>{host} does not speak TLS. If it is a local server, start the API Host with http://.</source>
        <translation>{host} no usa TLS. Si es un servidor local, empieza el API Host por http://.</translation>
    </message>
    <message>
        <source>{host} redirected the request to {location}. The key was not sent there. Check the API Host, and enter the new address if you trust it.</source>
        <translation>{host} redirigió la solicitud a {location}. La clave no se envió allí. Revisa el API Host y escribe la dirección nueva si confías en ella.</translation>
    </message>
    <message>
        <source>{host} refused the connection. Check the API Host and port, and that the server is running.</source>
        <translation>{host} rechazó la conexión. Revisa el API Host y el puerto, y que el servidor esté en marcha.</translation>
    </message>
    <message>
        <source>{host} sent more than {size} for a one-token request, so it is not the {provider} API. Check the API Host.</source>
        <translation>{host} envió más de {size} para una solicitud de un token, así que no es la API de {provider}. Revisa el API Host.</translation>
    </message>
    <message>
        <source>{host} started answering but did not finish within {seconds} seconds. Try again later.</source>
        <translation>{host} empezó a responder pero no terminó en {seconds} segundos. Inténtalo más tarde.</translation>
    </message>
    <message>
        <source>{provider} accepted the key but it lacks a permission. Check the key&apos;s permissions.</source>
        <translation>{provider} aceptó la clave, pero le falta un permiso. Revisa los permisos de la clave.</translation>
    </message>
    <message>
        <source>{provider} does not accept the API version {version} for this deployment. Enter a supported API version, for example {example}.</source>
        <translation>{provider} no acepta la versión de API {version} para esta implementación. Escribe una versión de API admitida, por ejemplo {example}.</translation>
    </message>
    <message>
        <source>{provider} does not serve your location. Use a supported region or another provider.</source>
        <translation>{provider} no da servicio en tu ubicación. Usa una región compatible u otro proveedor.</translation>
    </message>
    <message>
        <source>{provider} had a server error or is overloaded. Try again later.</source>
        <translation>{provider} tuvo un error del servidor o está sobrecargado. Inténtalo más tarde.</translation>
    </message>
    <message>
        <source>{provider} has no model list. Type the model name.</source>
        <translation>{provider} no tiene lista de modelos. Escribe el nombre del modelo.</translation>
    </message>
    <message>
        <source>{provider} is rate limiting this key right now, so the model could not be checked. Try again {retry}, or save without validation.</source>
        <translation>{provider} está limitando la frecuencia de esta clave ahora mismo, así que no se pudo comprobar el modelo. Inténtalo de nuevo {retry}, o guarda sin validar.</translation>
    </message>
    <message>
        <source>{provider} rejected the test request. See the provider&apos;s message for details.</source>
        <translation>{provider} rechazó la solicitud de prueba. Consulta el mensaje del proveedor para ver los detalles.</translation>
    </message>
</context>
</TS>
