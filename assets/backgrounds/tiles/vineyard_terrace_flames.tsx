<?xml version="1.0" encoding="UTF-8"?>
<tileset version="1.10" tiledversion="1.10.2" name="vineyard_terrace_flames" tilewidth="32" tileheight="48" tilecount="6" columns="6">
 <image source="vineyard_terrace_flames.png" width="192" height="48"/>
 <tile id="0">
  <animation>
   <frame tileid="0" duration="500"/>
   <frame tileid="1" duration="250"/>
   <frame tileid="2" duration="250"/>
   <frame tileid="3" duration="500"/>
   <frame tileid="4" duration="250"/>
   <frame tileid="5" duration="250"/>
  </animation>
 </tile>
 <tile id="1">
  <animation>
   <frame tileid="2" duration="500"/>
   <frame tileid="0" duration="250"/>
   <frame tileid="3" duration="250"/>
   <frame tileid="1" duration="250"/>
   <frame tileid="5" duration="500"/>
   <frame tileid="4" duration="250"/>
  </animation>
 </tile>
 <tile id="2">
  <animation>
   <frame tileid="4" duration="500"/>
   <frame tileid="3" duration="250"/>
   <frame tileid="0" duration="250"/>
   <frame tileid="5" duration="250"/>
   <frame tileid="1" duration="500"/>
   <frame tileid="2" duration="250"/>
  </animation>
 </tile>
</tileset>
